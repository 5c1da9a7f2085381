// The archive's search: items, parts and issues whose words hold every word typed, accents and
// case ignored. The index is search-index.js (a script, so it loads from file:// too).
(function () {
  var data = window.bantinSearch;
  var box = document.getElementById('tim-kiem');
  if (!data || !box) return;
  var input = document.getElementById('tim-kiem-o');
  var list = document.getElementById('tim-kiem-ket-qua');
  var status = document.getElementById('tim-kiem-trang-thai');
  var fold = function (s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  };
  var rows = [];
  data.forEach(function (issue) {
    rows.push({ text: issue.t, where: issue.p, href: issue.u, key: fold(issue.t + ' ' + issue.p + ' ' + issue.s) });
    issue.i.forEach(function (item) {
      rows.push({ text: item[0], where: issue.t, href: issue.u + '#' + encodeURIComponent(item[1]), key: fold(item[0]) });
    });
  });
  var search = function () {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    list.textContent = '';
    if (!words.length) return void (status.textContent = '');
    var found = rows.filter(function (row) {
      return words.every(function (w) { return row.key.indexOf(w) >= 0; });
    });
    found.slice(0, 50).forEach(function (row) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      var where = document.createElement('span');
      a.href = row.href;
      a.textContent = row.text;
      where.textContent = row.where;
      li.append(a, ' ', where);
      list.append(li);
    });
    status.textContent = found.length ? box.dataset.results.replace('{count}', found.length) : box.dataset.none;
  };
  input.addEventListener('input', search);
  box.hidden = false;
  if (input.value) search();
})();
