// Settings: every config.ini key the kiosk knows, each with a control for
// its allowed values (a switch for yes/no and on/off, a list for a few
// words, a number box with its range, text otherwise), saved together;
// the kiosk's refusals are shown under their fields.
"use strict";

const Settings = {
  values: {},
  LABELS: {
    volume: "Voice and tones volume", voice: "Spoken coaching", tempo: "Tempo",
    weekly_target: "Sessions a week", units: "Weight units",
    optional_exercises: "Optional exercises", speech_voice: "Speech voice",
    speech_rate: "Speech rate", video_fit: "Video fit", clip_size: "Clip size",
    coach_video: "Coach's video", music: "Music", music_dir: "Music folder",
    music_volume: "Music volume", music_duck_db: "Music under speech",
    web: "Companion page", web_port: "Companion port", web_bind: "Companion address",
    web_upload_max_mb: "Largest upload (MB)",
  },

  // What kind of control the allowed-values text asks for.
  kind(allowed) {
    const a = allowed || "";
    if (a === "yes or no") return { type: "switch", on: "yes", off: "no" };
    if (a === "on or off") return { type: "switch", on: "on", off: "off" };
    let m = a.match(/^(-?\d+) to (-?\d+)/);
    if (m) return { type: "number", min: Number(m[1]), max: Number(m[2]) };
    m = a.match(/^([a-z0-9]+(?:, [a-z0-9]+)*) or ([a-z0-9]+)$/);
    if (m) return { type: "enum", values: [...m[1].split(", "), m[2]] };
    return { type: "text" };
  },

  async load() {
    const [s, clips] = await Promise.all([getJSON("/api/settings"), getJSON("/api/clips")]);
    this.values = s.settings;
    const form = $("settings-form");
    form.replaceChildren();
    for (const key of Object.keys(s.settings)) {
      const row = el("div", "setting");
      row.dataset.key = key;
      const id = `set-${key}`;
      const label = el("label", "setting-name", this.LABELS[key] || key.replace(/_/g, " "));
      label.htmlFor = id;
      const k = key === "coach_video" ? { type: "clip" } : this.kind(s.allowed[key]);
      const input = this.control(k, id, s.settings[key], clips);
      input.dataset.key = key;
      row.append(label, input, el("span", "muted hint", s.allowed[key] || ""), el("span", "msg error field-error"));
      form.appendChild(row);
    }
  },

  control(k, id, value, clips) {
    let input;
    if (k.type === "switch") {
      input = el("input", "switch");
      input.type = "checkbox";
      input.checked = value === k.on;
      input.dataset.on = k.on;
      input.dataset.off = k.off;
    } else if (k.type === "enum" || k.type === "clip") {
      input = el("select", "field");
      const values = k.type === "clip" ? ["", ...clips.filter(c => c.playable).map(c => c.name)] : k.values;
      if (!values.includes(value)) values.unshift(value);
      for (const v of values) {
        const o = el("option", null, v === "" ? "(none)" : v);
        o.value = v;
        input.appendChild(o);
      }
      input.value = value;
    } else {
      input = el("input", "field");
      if (k.type === "number") {
        input.type = "number";
        input.min = String(k.min);
        input.max = String(k.max);
        input.step = "1";
        input.inputMode = "numeric";
      }
      input.value = value;
    }
    input.id = id;
    return input;
  },

  read(input) {
    if (input.type === "checkbox") return input.checked ? input.dataset.on : input.dataset.off;
    return input.value.trim();
  },

  async save() {
    const changed = {};
    for (const input of document.querySelectorAll("#settings-form [data-key]")) {
      if (input.classList.contains("setting")) continue;
      const v = this.read(input);
      if (v !== this.values[input.dataset.key]) changed[input.dataset.key] = v;
    }
    for (const e of document.querySelectorAll("#settings-form .field-error")) e.textContent = "";
    for (const r of document.querySelectorAll("#settings-form .setting")) r.classList.remove("bad");
    if (!Object.keys(changed).length) { say("settings-msg", "Nothing changed."); return; }
    const r = await send("PUT", "/api/settings", changed);
    if (r.status === 200) {
      this.values = r.json.settings;
      say("settings-msg", `Saved: ${Object.keys(changed).join(", ")}.`);
    } else if (r.status === 422 && r.json && r.json.errors) {
      for (const e of r.json.errors) {
        const row = document.querySelector(`#settings-form .setting[data-key="${CSS.escape(e.key)}"]`);
        if (row) {
          row.classList.add("bad");
          row.querySelector(".field-error").textContent = e.message;
        }
      }
      say("settings-msg", "Not saved: see the marked settings.", true);
    } else {
      say("settings-msg", (r.json && r.json.error) || `Not saved (${r.status}).`, true);
    }
  },
};

Setup.loaders.settings = () => Settings.load();

document.addEventListener("DOMContentLoaded", () => {
  $("settings-save").addEventListener("click", () => Settings.save());
  $("settings-form").addEventListener("submit", ev => ev.preventDefault());
});
