// The companion's pictures, drawn as SVG with DOM calls (no inline markup,
// so the page's Content-Security-Policy holds): the streak flame, the
// 16-week heatmap and a small progression chart per exercise.
"use strict";

const Charts = (() => {
  const NS = "http://www.w3.org/2000/svg";

  function el(name, attrs, parent) {
    const e = document.createElementNS(NS, name);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }

  function svg(w, h, label) {
    const s = el("svg", { viewBox: `0 0 ${w} ${h}`, role: "img" });
    el("title", {}, s).textContent = label;
    return s;
  }

  // A flame that grows with the streak (weeks); grey when there is none.
  function flame(weeks) {
    const s = svg(72, 90, `${weeks} week streak`);
    const lit = weeks > 0;
    const k = Math.min(1, 0.55 + weeks * 0.05);
    const g = el("g", { transform: `translate(36 88) scale(${k}) translate(-36 -88)` }, s);
    el("path", {
      d: "M36 4 C44 22 64 34 62 58 C61 76 50 88 36 88 C22 88 10 77 10 60 " +
         "C10 46 18 38 24 30 C25 40 29 45 33 46 C30 30 31 16 36 4 Z",
      fill: lit ? "#ff7a1a" : "#3a4350",
    }, g);
    el("path", {
      d: "M36 40 C41 52 50 58 49 70 C48 80 43 86 36 86 C29 86 23 80 23 71 " +
         "C23 63 28 58 31 54 C32 60 34 62 36 62 C34 54 34 48 36 40 Z",
      fill: lit ? "#ffd166" : "#59626e",
    }, g);
    return s;
  }

  // Days as numbers (days since 1970-01-01, UTC arithmetic on dates).
  function dayNumber(iso) {
    const [y, m, d] = iso.split("-").map(Number);
    return Math.floor(Date.UTC(y, m - 1, d) / 86400000);
  }
  function dayLabel(n) {
    return new Date(n * 86400000).toISOString().slice(0, 10);
  }

  // 16 weeks, Monday to Sunday down, oldest week on the left; counts maps
  // a training day (YYYY-MM-DD) to the sessions completed on it.
  function heatmap(today, counts) {
    const weeks = 16, cell = 18, gap = 4, top = 16, left = 26;
    const t = dayNumber(today);
    const weekday = (t + 3) % 7; // 1970-01-01 was a Thursday; Monday = 0
    const start = t - weekday - (weeks - 1) * 7;
    const w = left + weeks * (cell + gap), h = top + 7 * (cell + gap);
    const s = svg(w, h, "Sessions in the last 16 weeks");
    const names = ["M", "", "W", "", "F", "", "S"];
    names.forEach((n, i) => {
      if (!n) return;
      el("text", { x: 0, y: top + i * (cell + gap) + cell - 4, fill: "#9aa4b1",
                   "font-size": 12 }, s).textContent = n;
    });
    let lastMonth = -1;
    for (let wk = 0; wk < weeks; wk++) {
      const monday = start + wk * 7;
      const month = new Date(monday * 86400000).getUTCMonth();
      if (month !== lastMonth && wk < weeks - 1) {
        el("text", { x: left + wk * (cell + gap), y: 11, fill: "#9aa4b1",
                     "font-size": 11 }, s).textContent =
          new Date(monday * 86400000).toLocaleString("en", { month: "short", timeZone: "UTC" });
        lastMonth = month;
      }
      for (let d = 0; d < 7; d++) {
        const n = monday + d;
        if (n > t) continue;
        const c = counts[dayLabel(n)] || 0;
        const r = el("rect", {
          x: left + wk * (cell + gap), y: top + d * (cell + gap), width: cell, height: cell,
          rx: 4, fill: c >= 2 ? "#ff9f1c" : c === 1 ? "#b86a12" : "#262c35",
          "data-day": dayLabel(n), "data-sessions": c,
        }, s);
        if (n === t) r.setAttribute("stroke", "#eef1f4");
        el("title", {}, r).textContent = `${dayLabel(n)}: ${c} session${c === 1 ? "" : "s"}`;
      }
    }
    return s;
  }

  // Reps done in the last sessions, with the target as a dashed line.
  function progression(reps, target, title) {
    const w = 300, h = 56, pad = 6;
    const s = svg(w, h, `${title}: recent reps`);
    const max = Math.max(target, ...reps, 1) * 1.15;
    const y = v => h - pad - (v / max) * (h - 2 * pad);
    const x = i => reps.length < 2 ? w / 2 : pad + i * (w - 2 * pad) / (reps.length - 1);
    el("line", { x1: 0, x2: w, y1: y(target), y2: y(target), stroke: "#5b6675",
                 "stroke-dasharray": "5 4", "stroke-width": 1.5 }, s);
    if (reps.length > 1)
      el("polyline", { points: reps.map((v, i) => `${x(i)},${y(v)}`).join(" "),
                       fill: "none", stroke: "#ff9f1c", "stroke-width": 3,
                       "stroke-linejoin": "round", "vector-effect": "non-scaling-stroke" }, s);
    reps.forEach((v, i) => el("circle", { cx: x(i), cy: y(v), r: 3.5, fill: "#ffd166" }, s));
    return s;
  }

  return { flame, heatmap, progression };
})();
