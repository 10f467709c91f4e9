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

// The compare page: with JavaScript on, a choice of provinces hides the other rows of every table. The
// choice is kept in the address (#chon=lao-cai,ha-noi), so a comparison can be shared. Without
// JavaScript the page shows every province, which is the comparison itself.
(function () {
  "use strict";
  var picker = document.querySelector(".sc-compare-picker");
  if (!picker) { return; }
  var first = document.querySelector("table.sc-compare");
  if (!first) { return; }
  function slugOf(row) { return row.id.split("-").slice(2).join("-"); }  // rows are "cmp-<pillar>-<slug>"
  var provinces = Array.prototype.map.call(first.tBodies[0].rows, function (row) {
    return { slug: slugOf(row), name: row.cells[0].textContent };
  });
  function chosen() {
    var match = /chon=([a-z0-9,-]*)/.exec(window.location.hash);
    return match && match[1] ? match[1].split(",") : [];
  }
  function apply() {
    var keep = chosen();
    Array.prototype.forEach.call(document.querySelectorAll("table.sc-compare tbody tr"), function (row) {
      row.hidden = keep.length > 0 && keep.indexOf(slugOf(row)) < 0;
    });
    Array.prototype.forEach.call(picker.querySelectorAll("input"), function (box) {
      box.checked = keep.indexOf(box.value) >= 0;
    });
  }
  var details = document.createElement("details");
  var summary = document.createElement("summary");
  summary.textContent = picker.getAttribute("data-label");
  details.appendChild(summary);
  var fieldset = document.createElement("fieldset");
  var legend = document.createElement("legend");
  legend.textContent = picker.getAttribute("data-label");
  legend.className = "sc-visually-hidden";
  fieldset.appendChild(legend);
  provinces.forEach(function (province) {
    var label = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.value = province.slug;
    box.addEventListener("change", function () {
      var keep = Array.prototype.map.call(picker.querySelectorAll("input:checked"), function (input) {
        return input.value;
      });
      window.history.replaceState(null, "", keep.length ? "#chon=" + keep.join(",") : window.location.pathname);
      apply();
    });
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + province.name));
    fieldset.appendChild(label);
  });
  var clear = document.createElement("button");
  clear.type = "button";
  clear.textContent = picker.getAttribute("data-clear");
  clear.addEventListener("click", function () {
    window.history.replaceState(null, "", window.location.pathname);
    apply();
  });
  fieldset.appendChild(clear);
  details.appendChild(fieldset);
  details.open = chosen().length > 0;  // a shared choice opens it; otherwise one closed line, nothing moves
  picker.replaceChildren(details);
  window.addEventListener("hashchange", apply);
  apply();
})();

// A chart as PNG, on request: the browser draws the chart's SVG (same origin, so the canvas is not
// tainted) on a white canvas at twice its size and saves it. The build makes no PNG: it was a third of
// the drawing time and most of the charts' bytes in every version of the site. Without JavaScript the
// SVG and CSV links remain and the button stays hidden.
(function () {
  "use strict";
  var SCALE = 2;
  Array.prototype.forEach.call(document.querySelectorAll(".sc-png"), function (holder) {
    var button = holder.querySelector("button");
    holder.hidden = false;
    button.addEventListener("click", function () {
      button.disabled = true;
      var image = new Image();
      image.onload = function () {
        var canvas = document.createElement("canvas");
        canvas.width = image.naturalWidth * SCALE;
        canvas.height = image.naturalHeight * SCALE;
        var context = canvas.getContext("2d");
        context.fillStyle = "#ffffff";
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.drawImage(image, 0, 0, canvas.width, canvas.height);
        canvas.toBlob(function (blob) {
          var link = document.createElement("a");
          link.href = URL.createObjectURL(blob);
          link.download = button.getAttribute("data-name");
          document.body.appendChild(link);
          link.click();
          link.remove();
          setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
          button.disabled = false;
        }, "image/png");
      };
      image.onerror = function () { button.disabled = false; };
      image.src = button.getAttribute("data-svg");
    });
  });
})();
