// Draws the relationship-health charts with Chart.js. Every number comes from the table beside the
// chart (data-* attributes on its rows), so the chart and the table for screen readers always agree;
// nothing is evaluated from the page, which the Content-Security-Policy would forbid anyway.
(function () {
  'use strict';

  // Colours with at least 3:1 contrast against white (WCAG 1.4.11), and told apart by shape or dash too.
  var INK = '#1d2733';
  var MUTED = '#4a5866';
  var GRID = '#d5dbe1';
  var SERIES = '#1f5f8b';
  var CUT_OFF = '#a4262c';
  var EXPECTED = '#1e6b3a';
  var BAND = 'rgba(30, 107, 58, 0.16)';
  var KINDS = {
    'attended': { label: 'Attended', colour: '#1e6b3a', shape: 'circle' },
    'not-attended': { label: 'Not attended', colour: '#a4262c', shape: 'crossRot' },
    'cancelled': { label: 'Cancelled', colour: '#8a4b00', shape: 'triangle' }
  };

  function number(value) {
    return value === undefined || value === null || value === '' ? null : Number(value);
  }

  function rowsOf(figure) {
    return Array.prototype.slice.call(figure.querySelectorAll('tbody tr'));
  }

  function baseOptions(figure) {
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { position: 'bottom', labels: { color: INK, usePointStyle: true, boxWidth: 12, boxHeight: 9 } },
        tooltip: { enabled: true }
      },
      scales: {
        x: { ticks: { color: MUTED, maxRotation: 0, autoSkip: true }, grid: { color: GRID } },
        y: {
          ticks: { color: MUTED },
          grid: { color: GRID },
          title: { display: !!figure.dataset.yTitle, text: figure.dataset.yTitle || '', color: MUTED }
        }
      }
    };
  }

  function trend(figure, canvas) {
    var rows = rowsOf(figure);
    var labels = rows.map(function (r) { return r.dataset.x; });
    var values = rows.map(function (r) { return number(r.dataset.y); });
    var expected = rows.map(function (r) { return number(r.dataset.expected); });
    var upper = rows.map(function (r) { return number(r.dataset.upper); });
    var datasets = [];
    if (expected.some(function (v) { return v !== null; })) {
      datasets.push({
        label: 'Expected', data: expected, borderColor: EXPECTED, borderWidth: 2, borderDash: [2, 3],
        pointRadius: 0, pointStyle: 'line', fill: false, order: 3
      });
      datasets.push({
        label: 'Expected band', data: upper, borderColor: EXPECTED, borderWidth: 1, pointRadius: 0,
        pointStyle: 'rect', backgroundColor: BAND, fill: '-1', order: 4
      });
    }
    var reference = number(figure.dataset.reference);
    if (reference !== null) {
      datasets.push({
        label: figure.dataset.referenceLabel || 'Cut-off', data: rows.map(function () { return reference; }),
        borderColor: figure.dataset.referenceKind === 'target' ? MUTED : CUT_OFF, borderWidth: 2, borderDash: [8, 5],
        pointRadius: 0, pointStyle: 'line', fill: false, order: 2
      });
    }
    datasets.unshift({
      label: figure.dataset.series || 'Score', data: values, borderColor: SERIES, backgroundColor: SERIES,
      borderWidth: 2.5, pointRadius: 4, pointHoverRadius: 6, fill: false, tension: 0, order: 1
    });
    var options = baseOptions(figure);
    var min = number(figure.dataset.yMin);
    var max = number(figure.dataset.yMax);
    if (min !== null) options.scales.y.min = min;
    if (max !== null) options.scales.y.max = max;
    // A single point still shows the reference lines across the chart.
    if (rows.length === 1) options.scales.x.offset = true;
    return new window.Chart(canvas, { type: 'line', data: { labels: labels, datasets: datasets }, options: options });
  }

  function attendance(figure, canvas) {
    var rows = rowsOf(figure);
    var labels = rows.map(function (r) { return r.dataset.x; });
    var order = ['attended', 'not-attended', 'cancelled'];
    var datasets = order.map(function (code) {
      var kind = KINDS[code];
      return {
        label: kind.label,
        data: rows.map(function (r) { return r.dataset.kind === code ? kind.label : null; }),
        borderColor: kind.colour, backgroundColor: kind.colour, pointStyle: kind.shape,
        pointRadius: 7, pointHoverRadius: 9, pointBorderWidth: 2, showLine: false, spanGaps: false
      };
    });
    var options = baseOptions(figure);
    options.interaction = { mode: 'nearest', intersect: true };
    // Half a column either side, so the first and last sessions' marks are not cut off at the edges.
    options.scales.x.offset = true;
    options.scales.y = {
      type: 'category', labels: order.map(function (code) { return KINDS[code].label; }), offset: true,
      ticks: { color: MUTED }, grid: { color: GRID }
    };
    return new window.Chart(canvas, { type: 'line', data: { labels: labels, datasets: datasets }, options: options });
  }

  function draw(figure) {
    var canvas = figure.querySelector('canvas');
    if (!canvas || !window.Chart) return;
    var kind = figure.dataset.chart;
    var chart = kind === 'attendance' ? attendance(figure, canvas) : trend(figure, canvas);
    if (chart) figure.dataset.drawn = 'true';
  }

  function drawAll() {
    if (!window.Chart) return;
    window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    window.Chart.defaults.font.size = 13;
    window.Chart.defaults.color = INK;
    document.querySelectorAll('figure.health-chart[data-chart]').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
}());
