// The set-up sections' shared parts: the tabs (Today, Clips, Coach,
// Routines, Settings; the address's #hash says which), calls that carry
// the CSRF token, and small helpers for the other set-up scripts.
"use strict";

const Setup = {
  tabs: ["dash", "clips", "coach", "routines", "settings"],
  loaders: {}, // tab -> what fills it in when it is shown
  current: "dash",

  fromHash() {
    const t = location.hash.replace("#", "");
    return this.tabs.includes(t) ? t : "dash";
  },

  show(tab) {
    this.current = tab;
    $("tabs").hidden = false;
    for (const t of this.tabs) $(t).hidden = t !== tab;
    for (const b of document.querySelectorAll("#tabs [data-tab]"))
      b.classList.toggle("on", b.dataset.tab === tab);
    if (location.hash.replace("#", "") !== tab)
      history.replaceState(null, "", tab === "dash" ? location.pathname : "#" + tab);
    const load = this.loaders[tab];
    if (load) load().catch(e => {
      if (e.message !== "not paired") showError("The kiosk cannot be reached.");
    });
  },

  hideAll() {
    $("tabs").hidden = true;
    for (const t of this.tabs) $(t).hidden = true;
  },
};

// A call with the session's token: {status, json (or null), text}.
async function send(method, path, body, type) {
  const headers = { "X-CSRF-Token": csrf };
  let data = body;
  if (body !== undefined && typeof body !== "string") {
    data = JSON.stringify(body);
    headers["Content-Type"] = "application/json";
  } else if (body !== undefined) {
    headers["Content-Type"] = type || "text/plain; charset=utf-8";
  }
  const r = await api(path, { method, headers, body: data });
  const text = await r.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  return { status: r.status, json, text };
}

async function getJSON(path) {
  const r = await api(path);
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return r.json();
}

function el(tag, cls, content) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (content !== undefined && content !== null) e.textContent = String(content);
  return e;
}

function button(label, cls, onClick) {
  const b = el("button", cls || "btn", label);
  b.type = "button";
  b.addEventListener("click", onClick);
  return b;
}

// 125.4 -> "2:05.4"
function clock(s) {
  if (s === null || s === undefined || Number.isNaN(s)) return "\u2013";
  const m = Math.floor(s / 60);
  const rest = (s - m * 60).toFixed(1).padStart(4, "0");
  return `${m}:${rest}`;
}

function sizeText(bytes) {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1073741824).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1048576).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function say(id, message, bad) {
  const e = $(id);
  e.textContent = message || "";
  e.classList.toggle("error", !!bad);
  e.classList.toggle("good", !!message && !bad);
}

document.addEventListener("DOMContentLoaded", () => {
  for (const b of document.querySelectorAll("#tabs [data-tab]"))
    b.addEventListener("click", () => Setup.show(b.dataset.tab));
});
