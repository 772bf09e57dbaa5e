// The coach's video: choose which clip it is, watch it in the page's
// player, and cut each exercise's part from it ("start here", "end here",
// fine nudges, a preview that loops the part), saved into the user's
// exercises.ini through PUT /api/exercises/ID/clip.
"use strict";

const Coach = {
  clip: "",        // the clip in the player
  setting: "",     // coach_video in config.ini
  exercises: [],
  editing: null,   // the exercise being cut
  looping: false,

  async load() {
    const [clips, settings] = await Promise.all([getJSON("/api/clips"), getJSON("/api/settings")]);
    this.setting = settings.settings.coach_video || "";
    const sel = $("coach-clip");
    sel.replaceChildren();
    const playable = clips.filter(c => c.playable);
    for (const c of playable) {
      const o = el("option", null, `${c.name} (${clock(c.duration_s)})`);
      o.value = c.name;
      sel.appendChild(o);
    }
    if (!playable.length) {
      const o = el("option", null, "No playable clip: upload one under Clips");
      o.value = "";
      sel.appendChild(o);
    }
    const want = this.clip || this.setting;
    if (playable.some(c => c.name === want)) sel.value = want;
    this.play(sel.value);
    say("coach-msg", this.setting ? `The coach's video is ${this.setting}.` : "No coach's video chosen yet.");
    await this.loadExercises();
  },

  play(name) {
    this.clip = name;
    const v = $("coach-player");
    const src = name ? `/api/clips/${encodeURIComponent(name)}` : "";
    if (v.getAttribute("src") !== src) {
      if (src) v.setAttribute("src", src); else v.removeAttribute("src");
      v.load();
    }
  },

  async loadExercises() {
    this.exercises = await getJSON("/api/exercises");
    const ul = $("segments");
    ul.replaceChildren();
    for (const ex of this.exercises) {
      const li = el("li", "row");
      li.dataset.id = ex.id;
      const main = el("div", "row-main");
      main.appendChild(el("span", "row-title", ex.name));
      const part = this.part(ex);
      main.appendChild(el("span", "muted seg", part));
      li.appendChild(main);
      const actions = el("div", "row-actions");
      actions.appendChild(button("Cut", "btn", () => this.edit(ex)));
      li.appendChild(actions);
      ul.appendChild(li);
    }
    if (this.editing) {
      const again = this.exercises.find(e => e.id === this.editing.id);
      if (again) this.editing = again;
    }
  },

  start(ex) { return ex.start !== null ? ex.start : ex.coach_video_s; },

  part(ex) {
    const s = this.start(ex);
    const where = s === null ? "its own clip" : `${clock(s)} \u2013 ${ex.end !== null ? clock(ex.end) : "next"}`;
    return `${where} \u00b7 ${ex.clip}${ex.clip_found ? "" : " (missing)"}`;
  },

  edit(ex) {
    this.editing = ex;
    this.stopLoop();
    $("cut").hidden = false;
    $("cut-title").textContent = ex.name;
    const s = this.start(ex);
    $("cut-start").value = s === null ? "" : s.toFixed(1);
    $("cut-end").value = ex.end === null ? "" : ex.end.toFixed(1);
    say("cut-msg", "");
    if (s !== null && $("coach-player").readyState > 0) $("coach-player").currentTime = s;
    // The player and the buttons together on a phone's screen.
    $("coach-player").scrollIntoView({ block: "start" });
  },

  value(id) {
    const t = $(id).value.trim();
    return t === "" ? null : Math.max(0, Number(t));
  },

  setValue(id, s) {
    $(id).value = Math.max(0, s).toFixed(1);
    const v = $("coach-player");
    if (v.readyState > 0) v.currentTime = Math.max(0, s);
  },

  nudge(id, d) {
    const now = this.value(id);
    this.setValue(id, (now === null ? $("coach-player").currentTime : now) + d);
  },

  here(id) {
    $(id).value = (Math.round($("coach-player").currentTime * 10) / 10).toFixed(1);
  },

  preview() {
    if (this.looping) { this.stopLoop(); return; }
    const s = this.value("cut-start");
    const e = this.value("cut-end");
    if (s === null || (e !== null && e <= s)) {
      say("cut-msg", "Set a start before the end to preview the part.", true);
      return;
    }
    this.looping = true;
    $("coach-loop").hidden = false;
    $("cut-preview").textContent = "Stop the preview";
    const v = $("coach-player");
    v.currentTime = s;
    v.play().catch(() => {});
  },

  stopLoop() {
    this.looping = false;
    $("coach-loop").hidden = true;
    $("cut-preview").textContent = "Preview the part";
  },

  tick() {
    const v = $("coach-player");
    $("coach-time").textContent = clock(v.currentTime);
    if (!this.looping) return;
    const s = this.value("cut-start") || 0;
    const e = this.value("cut-end");
    if ((e !== null && v.currentTime >= e) || v.currentTime < s - 0.5) v.currentTime = s;
  },

  async use() {
    const name = $("coach-clip").value;
    if (!name) return;
    const r = await send("PUT", "/api/settings", { coach_video: name });
    if (r.status === 200) {
      this.setting = name;
      say("coach-msg", `The coach's video is now ${name}: each exercise plays its part of it.`);
      await this.loadExercises();
    } else {
      const e = r.json && (r.json.errors ? r.json.errors.map(x => x.message).join("; ") : r.json.error);
      say("coach-msg", e || `The kiosk refused (${r.status}).`, true);
    }
  },

  async save() {
    const ex = this.editing;
    if (!ex || !this.clip) return;
    const start = this.value("cut-start");
    const end = this.value("cut-end");
    if (start !== null && end !== null && end <= start) {
      say("cut-msg", "The end must come after the start.", true);
      return;
    }
    const r = await send("PUT", `/api/exercises/${encodeURIComponent(ex.id)}/clip`,
      { clip: this.clip, start, end });
    if (r.status === 200) {
      say("cut-msg", `Saved: ${ex.name} plays ${clock(start)} \u2013 ${end === null ? "the next part" : clock(end)} of ${this.clip}.`);
      await this.loadExercises();
    } else if (r.json && r.json.errors) {
      say("cut-msg", r.json.errors.map(e => `exercises.ini line ${e.line}: ${e.message}`).join("\n"), true);
    } else {
      say("cut-msg", (r.json && r.json.error) || `The kiosk refused (${r.status}).`, true);
    }
  },
};

Setup.loaders.coach = () => Coach.load();

document.addEventListener("DOMContentLoaded", () => {
  $("coach-clip").addEventListener("change", () => Coach.play($("coach-clip").value));
  $("coach-use").addEventListener("click", () => Coach.use());
  const v = $("coach-player");
  v.addEventListener("timeupdate", () => Coach.tick());
  v.addEventListener("seeked", () => Coach.tick());
  $("start-here").addEventListener("click", () => Coach.here("cut-start"));
  $("end-here").addEventListener("click", () => Coach.here("cut-end"));
  for (const b of document.querySelectorAll("[data-nudge]"))
    b.addEventListener("click", () => Coach.nudge(b.parentElement.dataset.for, Number(b.dataset.nudge)));
  $("cut-preview").addEventListener("click", () => Coach.preview());
  $("cut-save").addEventListener("click", () => Coach.save());
});
