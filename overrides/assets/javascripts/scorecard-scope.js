/* The theme's inline head script (Material for MkDocs and Zensical, partials/javascripts/base.html),
   as a file so that the Content-Security-Policy allows scripts from the site only. The site's root is
   two folders above this file (assets/javascripts/), which is what base_url gave the inline script. */
(() => {
  window.__md_scope = new URL("../..", document.currentScript.src);
  window.__md_hash = (text) => [...text].reduce((hash, char) => (hash << 5) - hash + char.charCodeAt(0), 0);
  window.__md_get = (key, storage = localStorage, scope = __md_scope) =>
    JSON.parse(storage.getItem(scope.pathname + "." + key));
  window.__md_set = (key, value, storage = localStorage, scope = __md_scope) => {
    try {
      storage.setItem(scope.pathname + "." + key, JSON.stringify(value));
    } catch (error) {
      /* storage full or turned off: the preference is simply not kept */
    }
  };
  document.documentElement.setAttribute("data-platform", navigator.platform);
})();
