/* The theme's inline anchor fix (partials/javascripts/content.html), as a file for the
   Content-Security-Policy: a link to a tab's radio button opens that tab. */
(function () {
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();
