/* Progressive enhancements for Accord; every page works without this file. */
(function () {
  "use strict";

  function setUpTreeTools() {
    var tools = document.querySelector("[data-tree-tools]");
    var tree = document.querySelector("[data-tree]");
    if (!tools || !tree) {
      return;
    }
    tools.hidden = false;
    tools.addEventListener("click", function (event) {
      var button = event.target.closest("[data-expand]");
      if (!button) {
        return;
      }
      var open = button.getAttribute("data-expand") === "all";
      tree.querySelectorAll("details").forEach(function (section) {
        section.open = open;
      });
    });
  }

  function openLinkedPriority() {
    /* A link to #priority-x opens that priority, so the reader lands on its items. */
    if (!location.hash) {
      return;
    }
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.tagName === "DETAILS") {
      target.open = true;
      target.scrollIntoView();
    }
  }

  function focusMessages() {
    /* A message after a redirect ("… was imported") is where the reader's attention belongs. */
    var messages = document.querySelector("[data-messages]");
    if (messages && !location.hash) {
      messages.focus();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpTreeTools();
    openLinkedPriority();
    focusMessages();
  });
})();
