// Opt-in interactive charts: nothing is fetched until the reader asks. The vega
// libraries are served by the site itself (assets/vendor/), never from another host.
(function () {
  "use strict";
  var buttons = document.querySelectorAll("button.sc-interactive");
  if (!buttons.length) { return; }
  var vendor = document.querySelector('script[src$="assets/interactive.js"]').src.replace(/interactive\.js$/, "vendor/");
  var loading = null;
  function load(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = vendor + src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }
  function libraries() {
    if (!loading) {
      loading = load("vega.min.js").then(function () { return load("vega-lite.min.js"); })
        .then(function () { return load("vega-embed.min.js"); })
        .then(function () { return load("vega-interpreter.js"); });
    }
    return loading;
  }
  Array.prototype.forEach.call(buttons, function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      button.disabled = true;
      var holder = document.createElement("div");
      holder.className = "sc-vega";
      button.closest("figure").appendChild(holder);
      libraries().then(function () {
        return fetch(button.getAttribute("data-spec")).then(function (r) { return r.json(); });
      }).then(function (spec) {
        // The expression interpreter instead of eval: works under the site's Content-Security-Policy.
        return window.vegaEmbed(holder, spec, { actions: false, renderer: "svg", ast: true,
          expr: window.vegaInterpreter.expressionInterpreter });
      }).then(function () {
        button.hidden = true;
      }).catch(function (error) {
        holder.textContent = String(error);
        button.disabled = false;
      });
    });
  });
})();
