// The companion page: pairing, then the dashboard (streak, this week, the
// 16-week heatmap, progression, badges), the live set from the kiosk's
// event stream and the remote pad. Talks only to the kiosk that served it.
"use strict";

const $ = id => document.getElementById(id);
let csrf = "";
let events = null;

const SCREENS = {
  home: "Home", routines: "Choosing", intro: "Up next", countdown: "Get ready",
  work: "Working", switch: "Switch sides", rest: "Rest", paused: "Paused",
  summary: "Done", history: "History", settings: "Settings",
};

function setLink(state) {
  $("link").className = "link " + state;
}

function showError(text) {
  const e = $("error");
  e.textContent = text || "";
  e.hidden = !text;
}

async function api(path, options) {
  const o = Object.assign({ credentials: "same-origin", cache: "no-store" }, options || {});
  const r = await fetch(path, o);
  if (r.status === 401) {
    // Forgotten on the TV: back to the pairing form.
    showPair("This phone is no longer paired: type the code shown on the TV.");
    throw new Error("not paired");
  }
  return r;
}

function showPair(message) {
  if (events) { events.close(); events = null; }
  Setup.hideAll();
  $("pair-view").hidden = false;
  $("pair-msg").textContent = message || "";
  setLink("");
}

async function showDashboard() {
  $("pair-view").hidden = true;
  Setup.show(Setup.fromHash());
  showError("");
  await Promise.all([loadHistory(), loadStatus()]);
  listen();
}

async function checkPaired() {
  const r = await fetch("/api/pair", { credentials: "same-origin", cache: "no-store" });
  const j = await r.json();
  if (j.paired) {
    csrf = j.csrf;
    await showDashboard();
  } else {
    showPair("");
    $("code").focus();
  }
}

async function pair(ev) {
  ev.preventDefault();
  const code = $("code").value.replace(/\D/g, "");
  if (code.length !== 6) {
    $("pair-msg").textContent = "The code has 6 digits.";
    return;
  }
  $("pair-msg").textContent = "Pairing\u2026";
  const r = await fetch("/api/pair", {
    method: "POST", credentials: "same-origin",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ code }),
  });
  const j = await r.json().catch(() => ({}));
  if (r.ok) {
    csrf = j.csrf;
    $("code").value = "";
    await showDashboard();
  } else if (r.status === 429) {
    $("pair-msg").textContent = "Too many wrong codes. Wait a minute, then try the new code on the TV.";
  } else if (r.status === 403) {
    $("pair-msg").textContent = "That is not the code on the TV. Check it and try again.";
  } else {
    $("pair-msg").textContent = j.error || "The kiosk could not pair this phone.";
  }
}

function text(id, value) {
  $(id).textContent = value === null || value === undefined ? "\u2013" : String(value);
}

function showStatus(s) {
  text("live-screen", SCREENS[s.screen] || s.screen);
  $("live-routine").textContent = s.routine || "";
  $("live-exercise").textContent = s.exercise || (s.screen === "home" ? "Ready when you are" : SCREENS[s.screen] || "");
  text("live-reps", s.reps_done === null ? null : `${s.reps_done}/${s.reps_target}`);
  text("live-set", s.set === null ? null : `${s.set}/${s.sets}`);
  text("live-side", s.side === "left" ? "L" : s.side === "right" ? "R" : null);
  text("live-left", s.seconds_left === null ? null :
    s.seconds_left >= 60 ? `${Math.floor(s.seconds_left / 60)}:${String(s.seconds_left % 60).padStart(2, "0")}` :
    `${s.seconds_left}s`);
  $("live").dataset.screen = s.screen;
  showRunners(s);
  if (s.today) window.kioskToday = s.today;
  // A session just ended: the history changed.
  if (window.lastScreen && window.lastScreen !== "summary" && s.screen === "summary")
    loadHistory();
  window.lastScreen = s.screen;
}

// Whose kiosk it is; with two or more runners, a list to switch.
function showRunners(s) {
  const names = (s.profiles || []).map(p => p.name);
  $("runners").hidden = names.length < 2;
  const sel = $("runner");
  if (sel.dataset.names !== names.join("\n")) {
    sel.dataset.names = names.join("\n");
    sel.replaceChildren(...names.map(n => new Option(n, n)));
  }
  if (s.profile) sel.value = s.profile;
  // Another runner: their history.
  if (window.lastProfile !== undefined && window.lastProfile !== s.profile)
    loadHistory();
  window.lastProfile = s.profile;
}

async function chooseRunner(name) {
  const r = await api("/api/profile", {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
    body: JSON.stringify({ name }),
  });
  showError(r.status === 204 ? "" : "The kiosk did not switch runners. Try again.");
}

async function loadStatus() {
  const r = await api("/api/status");
  if (r.ok) showStatus(await r.json());
}

function listen() {
  if (events) events.close();
  events = new EventSource("/api/events");
  events.onopen = () => setLink("on");
  events.onmessage = m => { setLink("on"); showStatus(JSON.parse(m.data)); };
  events.onerror = () => setLink("off"); // the browser reconnects by itself
}

// Completed sessions per training day, from the CSV export.
function countDays(csv) {
  const counts = {};
  const lines = csv.split(/\r?\n/);
  const head = lines[0].split(",");
  const day = head.indexOf("training_day"), done = head.indexOf("completed");
  for (const line of lines.slice(1)) {
    const f = line.split(",");
    if (f.length <= day || f[done] !== "yes") continue;
    counts[f[day]] = (counts[f[day]] || 0) + 1;
  }
  return counts;
}

function showHistory(h, counts) {
  const weeks = h.weekly_streak ? h.weekly_streak.current : 0;
  $("flame").replaceChildren(Charts.flame(weeks));
  text("streak-weeks", weeks);
  $("streak-unit").textContent = weeks === 1 ? "week" : "weeks";
  text("streak-longest", h.weekly_streak ? h.weekly_streak.longest : 0);
  const done = h.this_week ? h.this_week.sessions : 0;
  text("week-done", done);
  text("week-target", h.weekly_target);
  const dots = $("week-dots");
  dots.replaceChildren();
  for (let i = 0; i < Math.max(h.weekly_target || 0, done); i++) {
    const d = document.createElement("span");
    d.className = "dot" + (i < done ? " done" : "");
    dots.appendChild(d);
  }
  $("heatmap").replaceChildren(Charts.heatmap(window.kioskToday || new Date().toISOString().slice(0, 10), counts));

  const prog = $("progression");
  prog.replaceChildren();
  const seen = new Set();
  for (const p of h.progression || []) {
    if (!p.recent_reps || p.recent_reps.length === 0 || seen.has(p.title)) continue;
    seen.add(p.title);
    const item = document.createElement("div");
    item.className = "prog-item";
    const t = document.createElement("div");
    t.className = "prog-title";
    const name = document.createElement("span");
    name.textContent = p.title;
    const next = document.createElement("span");
    next.className = "muted";
    next.textContent = `next ${p.target}`;
    t.append(name, next);
    item.append(t, Charts.progression(p.recent_reps, p.target, p.title));
    if (p.advice) {
      const a = document.createElement("div");
      a.className = "muted";
      a.textContent = p.advice;
      item.appendChild(a);
    }
    prog.appendChild(item);
  }
  if (!prog.firstChild) prog.textContent = "Charts appear after your first sessions.";

  const badges = $("badges");
  badges.replaceChildren();
  for (const b of h.badges || []) {
    const li = document.createElement("li");
    li.textContent = b.title;
    badges.appendChild(li);
  }
  if (!badges.firstChild) badges.textContent = "No badges yet.";
  $("totals").textContent = `${h.total_sessions || 0} sessions \u00b7 level ${h.level || 1} \u00b7 ${h.xp || 0} XP`;
}

async function loadHistory() {
  const [hr, cr] = await Promise.all([api("/api/history"), api("/api/history.csv")]);
  if (!hr.ok) return;
  const h = await hr.json();
  const counts = cr.ok ? countDays(await cr.text()) : {};
  showHistory(h, counts);
}

async function press(action) {
  try {
    const r = await api("/api/action", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify({ action }),
    });
    if (r.status !== 204) showError("The kiosk did not take that press. Try again.");
    else showError("");
  } catch (e) {
    if (e.message !== "not paired") showError("The kiosk cannot be reached.");
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("pair").addEventListener("submit", ev => pair(ev).catch(() =>
    ($("pair-msg").textContent = "The kiosk cannot be reached.")));
  $("runner").addEventListener("change", ev => chooseRunner(ev.target.value).catch(() =>
    showError("The kiosk cannot be reached.")));
  for (const b of document.querySelectorAll("[data-action]"))
    b.addEventListener("click", () => press(b.dataset.action));
  checkPaired().catch(() => showError("The kiosk cannot be reached."));
});
