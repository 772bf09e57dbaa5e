// Clips: what is in the kiosk's videos folder (and whether it plays), an
// upload with a progress bar (the file as the body of a PUT, streamed by
// the browser), and deleting with a confirmation.
"use strict";

const Clips = {
  list: [],
  maxMB: 0, // web_upload_max_mb

  async load() {
    const r = await api("/api/clips");
    if (!r.ok) {
      say("clips-msg", "The kiosk cannot list its clips.", true);
      return [];
    }
    this.list = await r.json();
    this.show();
    const sr = await api("/api/settings");
    if (sr.ok) this.maxMB = Number((await sr.json()).settings.web_upload_max_mb) || 0;
    return this.list;
  },

  show() {
    const ul = $("clip-list");
    ul.replaceChildren();
    for (const c of this.list) ul.appendChild(this.row(c));
    if (!this.list.length) ul.appendChild(el("li", "muted", "No clips yet: upload one above."));
  },

  row(c) {
    const li = el("li", "row clip");
    li.dataset.name = c.name;
    const main = el("div", "row-main");
    main.appendChild(el("span", "row-title", c.name));
    const facts = [sizeText(c.bytes)];
    if (c.playable) facts.push(clock(c.duration_s), `${c.width}\u00d7${c.height}`, c.codec);
    main.appendChild(el("span", "muted", facts.join(" \u00b7 ")));
    const state = el("span", c.playable ? "state state-ok" : "state state-bad",
      c.playable ? "plays" : `cannot play: ${c.problem}`);
    state.dataset.playable = c.playable ? "yes" : "no";
    main.appendChild(state);
    li.appendChild(main);
    const actions = el("div", "row-actions");
    actions.appendChild(button("Delete", "btn", () => this.confirmDelete(c.name, actions)));
    li.appendChild(actions);
    return li;
  },

  confirmDelete(name, actions) {
    actions.replaceChildren(
      el("span", "ask", `Delete ${name}?`),
      button("Delete", "btn danger", () => this.remove(name)),
      button("Keep", "btn", () => this.show()));
  },

  async remove(name) {
    const r = await send("DELETE", `/api/clips/${encodeURIComponent(name)}`);
    if (r.status === 204) say("clips-msg", `${name} deleted.`);
    else say("clips-msg", (r.json && r.json.error) || `The kiosk kept ${name} (${r.status}).`, true);
    await this.load();
  },

  // A name the kiosk accepts, from the file's: [A-Za-z0-9._-], at most
  // 64 characters, not starting with a dot; the extension kept.
  nameFor(file) {
    let n = file.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[.-]+/, "");
    if (n.length > 64) {
      const dot = n.lastIndexOf(".");
      const ext = dot > 0 && n.length - dot <= 6 ? n.slice(dot) : "";
      n = n.slice(0, 64 - ext.length) + ext;
    }
    return n || "clip.mp4";
  },

  progress(pct) {
    $("upload-progress").value = pct;
    $("upload-pct").textContent = `${pct}%`;
  },

  // Why an upload was refused, in words.
  refusal(status, j, name) {
    const why = j && j.error;
    if (status === 413) return `Too big: ${why || "the kiosk takes smaller clips"}.`;
    if (status === 422) return `${name} was not kept: the kiosk cannot play it (${(j && j.problem) || why || "unknown format"}).`;
    if (status === 507) return "Not enough room on the kiosk's disk: delete a clip and try again.";
    if (status === 400) return why || "That name is not allowed.";
    if (status === 403) return "The kiosk refused: reload the page and try again.";
    return why || `The upload failed (${status || "no answer"}).`;
  },

  upload(ev) {
    ev.preventDefault();
    const file = $("clip-file").files[0];
    const name = $("clip-name").value.trim();
    if (!file) { say("upload-msg", "Choose a video file first.", true); return; }
    if (!/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$/.test(name)) {
      say("upload-msg", "A name is 1 to 64 letters, digits, '.', '_' or '-', not starting with a dot.", true);
      return;
    }
    if (this.maxMB && file.size > this.maxMB * 1048576) {
      // The kiosk would refuse it before reading it: say so now.
      say("upload-msg", `Too big: ${sizeText(file.size)} is more than the ${this.maxMB} MB the kiosk takes (web upload limit in Settings).`, true);
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", `/api/clips/${encodeURIComponent(name)}`);
    xhr.setRequestHeader("X-CSRF-Token", csrf);
    xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    const bar = $("upload-progress");
    bar.dataset.events = "0";
    xhr.upload.onprogress = e => {
      // How many reports the browser gave (the bar moved by itself).
      bar.dataset.events = String(Number(bar.dataset.events) + 1);
      if (e.lengthComputable) this.progress(Math.floor(e.loaded * 100 / e.total));
    };
    xhr.onload = () => {
      $("upload-go").disabled = false;
      let j = null;
      try { j = JSON.parse(xhr.responseText); } catch (e) { j = null; }
      if (xhr.status === 200 || xhr.status === 201) {
        this.progress(100);
        say("upload-msg", `${name} uploaded${xhr.status === 200 ? " (it replaced the old one)" : ""}.`);
      } else {
        say("upload-msg", this.refusal(xhr.status, j, name), true);
      }
      this.load();
    };
    xhr.onerror = () => {
      $("upload-go").disabled = false;
      say("upload-msg", "The upload was cut off: nothing was kept. Try again.", true);
    };
    $("upload-go").disabled = true;
    this.progress(0);
    say("upload-msg", `Uploading ${name} (${sizeText(file.size)})\u2026`);
    xhr.send(file);
  },
};

Setup.loaders.clips = () => Clips.load();

document.addEventListener("DOMContentLoaded", () => {
  $("clip-file").addEventListener("change", () => {
    const f = $("clip-file").files[0];
    if (f) $("clip-name").value = Clips.nameFor(f.name);
  });
  $("upload").addEventListener("submit", ev => Clips.upload(ev));
});
