// The report's only script: filters by severity, document, indicator and check, and whether acknowledged
// findings show. It reads data-* attributes and toggles `hidden`; it never writes markup, so nothing from
// a document can become code through it.
export const FILTER_SCRIPT = `
(function () {
  'use strict';
  var form = document.getElementById('filters');
  var findings = Array.prototype.slice.call(document.querySelectorAll('.finding'));
  var articles = Array.prototype.slice.call(document.querySelectorAll('article.indicator'));
  var sections = Array.prototype.slice.call(document.querySelectorAll('section.group'));
  var count = document.getElementById('shown-count');
  function value(name) { return form.elements[name].value; }
  function apply() {
    var severities = {};
    Array.prototype.forEach.call(form.querySelectorAll('input[name=severity]'), function (box) { severities[box.value] = box.checked; });
    var doc = value('document'), indicator = value('indicator'), check = value('check');
    var showAcknowledged = form.elements.acknowledged.checked;
    var narrowed = !(severities.error && severities.warning && severities.info) || check !== '' || !showAcknowledged;
    var shown = 0;
    findings.forEach(function (f) {
      var documents = JSON.parse(f.getAttribute('data-documents'));
      var visible = severities[f.getAttribute('data-severity')] === true &&
        (doc === '' || documents.indexOf(doc) >= 0) &&
        (indicator === '' || f.getAttribute('data-indicator') === indicator) &&
        (check === '' || f.getAttribute('data-check') === check) &&
        (showAcknowledged || f.getAttribute('data-acknowledged') !== 'yes');
      f.hidden = !visible;
      if (visible) shown++;
    });
    articles.forEach(function (a) {
      var matches = (doc === '' || a.getAttribute('data-document') === doc) && (indicator === '' || a.getAttribute('data-indicator') === indicator);
      a.hidden = !matches || (narrowed && a.querySelector('.finding:not([hidden])') === null);
    });
    sections.forEach(function (s) {
      s.hidden = s.querySelector('article.indicator:not([hidden]), .finding:not([hidden])') === null &&
        (narrowed || doc !== '' || indicator !== '');
    });
    count.textContent = shown + ' of ' + findings.length + ' findings shown';
  }
  form.addEventListener('change', apply);
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  apply();
})();
`;
