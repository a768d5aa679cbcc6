/*
 * Download a chart drawn as inline SVG as a PNG image, in the browser: no library, no server.
 * A button `data-chart-png="#svg-id" data-filename="name.png"` (hidden until this script runs)
 * copies the SVG with the page's computed styles written on each element (an image does not
 * see the page's stylesheet), draws it on a canvas at twice its size over white, and saves it.
 * The SVG download is a server endpoint; this file only adds the PNG.
 */
(function () {
  "use strict";

  var SCALE = 2;
  var PROPERTIES = [
    "fill", "fill-opacity", "stroke", "stroke-width", "stroke-opacity", "stroke-linejoin",
    "paint-order", "opacity", "font-family", "font-size", "font-weight", "text-anchor",
    "dominant-baseline", "visibility", "display"
  ];

  function inlineStyles(source, copy) {
    var from = [source].concat(Array.prototype.slice.call(source.querySelectorAll("*")));
    var to = [copy].concat(Array.prototype.slice.call(copy.querySelectorAll("*")));
    from.forEach(function (element, index) {
      var computed = window.getComputedStyle(element);
      var declarations = PROPERTIES.map(function (name) {
        return name + ":" + computed.getPropertyValue(name);
      });
      to[index].setAttribute("style", declarations.join(";"));
    });
  }

  function size(svg) {
    var box = svg.viewBox && svg.viewBox.baseVal;
    if (box && box.width && box.height) {
      return { width: box.width, height: box.height };
    }
    var rect = svg.getBoundingClientRect();
    return { width: rect.width, height: rect.height };
  }

  function save(blob, filename) {
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  function toPng(svg, filename, done) {
    var dimensions = size(svg);
    var copy = svg.cloneNode(true);
    inlineStyles(svg, copy);
    copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    copy.setAttribute("width", dimensions.width);
    copy.setAttribute("height", dimensions.height);
    var markup = new XMLSerializer().serializeToString(copy);
    var source = URL.createObjectURL(new Blob([markup], { type: "image/svg+xml;charset=utf-8" }));
    var image = new Image();
    image.onload = function () {
      var canvas = document.createElement("canvas");
      canvas.width = Math.ceil(dimensions.width * SCALE);
      canvas.height = Math.ceil(dimensions.height * SCALE);
      var context = canvas.getContext("2d");
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.scale(SCALE, SCALE);
      context.drawImage(image, 0, 0, dimensions.width, dimensions.height);
      URL.revokeObjectURL(source);
      canvas.toBlob(function (blob) {
        if (blob) {
          save(blob, filename);
        }
        done(Boolean(blob));
      }, "image/png");
    };
    image.onerror = function () {
      URL.revokeObjectURL(source);
      done(false);
    };
    image.src = source;
  }

  function reveal(root) {
    root.querySelectorAll("[data-chart-png]").forEach(function (button) {
      button.hidden = false;
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-chart-png]");
    if (!button) {
      return;
    }
    var svg = document.querySelector(button.getAttribute("data-chart-png"));
    if (!svg) {
      return;
    }
    button.disabled = true;
    toPng(svg, button.getAttribute("data-filename") || "chart.png", function (saved) {
      button.disabled = false;
      button.setAttribute("data-saved", saved ? "true" : "false");
    });
  });

  document.addEventListener("DOMContentLoaded", function () { reveal(document); });
  /* htmx swaps in a new chart with its own button. */
  document.addEventListener("htmx:afterSwap", function () { reveal(document); });
})();
