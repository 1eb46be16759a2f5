// The site's one script, optional: every page reads and works without it.
// It adds a search box over the tables of a section marked "searchable"
// and sorting to tables marked "sortable" (by a cell's data-sort number,
// else its text). No framework, nothing fetched.
(function () {
  "use strict";

  function cellKey(cell) {
    var holder = cell.hasAttribute("data-sort") ? cell : cell.querySelector("[data-sort]");
    if (holder) {
      var number = Number(holder.getAttribute("data-sort"));
      if (!isNaN(number)) return { number: number };
    }
    return { text: cell.textContent.trim().toLowerCase() };
  }

  function compare(a, b) {
    if (a.number !== undefined && b.number !== undefined) return a.number - b.number;
    var x = a.text !== undefined ? a.text : String(a.number);
    var y = b.text !== undefined ? b.text : String(b.number);
    return x < y ? -1 : x > y ? 1 : 0;
  }

  function makeSortable(table) {
    var head = table.tHead;
    if (!head || !table.tBodies.length) return;
    var headers = head.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var keyed = rows.map(function (row, index) {
          return { row: row, key: cellKey(row.cells[column]), index: index };
        });
        keyed.sort(function (a, b) {
          var order = compare(a.key, b.key);
          if (!ascending) order = -order;
          return order || a.index - b.index;
        });
        keyed.forEach(function (item) { body.appendChild(item.row); });
      });
    });
  }

  function makeSearchable(section) {
    var rows = section.querySelectorAll("tbody tr");
    if (!rows.length) return;
    var heading = section.querySelector("h2");
    var label = document.createElement("label");
    label.className = "search";
    label.appendChild(document.createTextNode("Search this list: "));
    var input = document.createElement("input");
    input.type = "search";
    label.appendChild(input);
    var status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    label.appendChild(status);
    if (heading) heading.insertAdjacentElement("afterend", label);
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      Array.prototype.forEach.call(rows, function (row) {
        var text = row.textContent.toLowerCase();
        var match = words.every(function (word) { return text.indexOf(word) !== -1; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      status.textContent = shown + " of " + rows.length + " rows shown";
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), makeSortable);
    Array.prototype.forEach.call(document.querySelectorAll("section.searchable"), makeSearchable);
  });
})();
