/**
 * The script the report page runs in Chromium: draws every <canvas data-chart> from the specs embedded in the page
 * with chart.js (loaded from node_modules as a file next to the page), without animation, then sets
 * document.body.dataset.ready so the printer knows the charts are on the canvas.
 * Kept as text because main/ has no DOM types; its logic is a plain mapping of ChartSpec (chart-specs.ts).
 */
export const PAGE_SCRIPT = String.raw`
(function () {
  var specs = JSON.parse(document.getElementById('chart-specs').textContent);
  Chart.defaults.font.family = '"Liberation Sans", Arial, Helvetica, "DejaVu Sans", sans-serif';
  Chart.defaults.font.size = 10;
  Chart.defaults.color = '#33414e';
  var drawn = 0;
  specs.forEach(function (s) {
    var canvas = document.querySelector('canvas[data-chart="' + s.id + '"]');
    if (!canvas) return;
    var nf = new Intl.NumberFormat(s.locale, { maximumFractionDigits: 0 });
    var value = s.horizontal ? 'x' : 'y';
    var scales = {};
    scales[value] = {
      title: { display: true, text: s.yTitle },
      ticks: { callback: function (v) { return nf.format(v); } },
      grid: { color: '#e3e8ee' }
    };
    scales[s.horizontal ? 'y' : 'x'] = { grid: { display: false } };
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: s.labels,
        datasets: s.datasets.map(function (d, i) {
          return d.line
            ? { type: 'line', label: d.label, data: d.data, borderColor: d.color, backgroundColor: d.color, borderWidth: 2, pointRadius: 2.5, order: 0 }
            : { type: 'bar', label: d.label, data: d.data, backgroundColor: d.colors || d.color, borderWidth: 0, order: i + 1 };
        })
      },
      options: {
        indexAxis: s.horizontal ? 'y' : 'x',
        animation: false,
        responsive: false,
        devicePixelRatio: 2,
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 10, boxHeight: 10 } } },
        scales: scales
      }
    });
    drawn++;
  });
  document.body.dataset.charts = String(drawn);
  document.body.dataset.ready = 'true';
})();
`;
