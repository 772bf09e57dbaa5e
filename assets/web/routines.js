// Routines: the list, and an editor where a form (title; exercises with
// reps or a range, sets, rest, per side, optional; added, removed and
// moved) and the routine's INI text are kept in step: the form rewrites
// only its own keys in the text, and a change to the text redraws the
// form. Saving shows the kiosk's errors beside their lines.
"use strict";

const Routines = {
  list: [],
  exercises: [],
  model: null,
  errors: [],

  async load() {
    const [list, exercises] = await Promise.all([getJSON("/api/routines"), getJSON("/api/exercises")]);
    this.list = list;
    this.exercises = exercises;
    const ul = $("routine-list");
    ul.replaceChildren();
    for (const r of list) {
      const li = el("li", "row");
      li.dataset.id = r.id;
      const main = el("div", "row-main");
      main.appendChild(el("span", "row-title", r.title || r.id));
      const kind = r.user ? (r.builtin ? "yours, over the built-in one" : "yours") : "built-in";
      main.appendChild(el("span", "muted", `${r.id} \u00b7 ${r.steps} steps \u00b7 ${kind}`));
      if (!r.valid) main.appendChild(el("span", "state state-bad", "has errors: the kiosk skips it"));
      li.appendChild(main);
      const actions = el("div", "row-actions");
      actions.appendChild(button("Edit", "btn", () => this.open(r.id)));
      if (r.user)
        actions.appendChild(button(r.builtin ? "Undo mine" : "Delete", "btn", () => this.confirmDelete(r, actions)));
      li.appendChild(actions);
      ul.appendChild(li);
    }
  },

  confirmDelete(r, actions) {
    const what = r.builtin ? `Go back to the built-in ${r.id}?` : `Delete ${r.id}?`;
    actions.replaceChildren(el("span", "ask", what),
      button("Yes", "btn danger", () => this.remove(r.id)),
      button("No", "btn", () => this.load()));
  },

  async remove(id) {
    const r = await send("DELETE", `/api/routines/${id}`);
    if (r.status === 204) say("routines-msg", `${id}: done.`);
    else say("routines-msg", (r.json && r.json.error) || `The kiosk refused (${r.status}).`, true);
    if (!$("routine-edit").hidden && $("rt-id").value === id) $("routine-edit").hidden = true;
    await this.load();
  },

  async open(id) {
    const r = await api(`/api/routines/${id}`);
    if (!r.ok) { say("routines-msg", `The kiosk cannot open ${id} (${r.status}).`, true); return; }
    this.edit(id, await r.text());
  },

  fresh() {
    const first = this.exercises.length ? this.exercises[0].id : "";
    let n = 1;
    while (this.list.some(r => r.id === `my-routine-${n}`)) n++;
    this.edit(`my-routine-${n}`,
      `[routine]\ntitle = My routine ${n}\n\n[step]\nexercise = ${first}\nreps = 10\nsets = 2\n`);
  },

  edit(id, text) {
    $("routine-edit").hidden = false;
    $("routine-heading").textContent = `Routine ${id}`;
    $("rt-id").value = id;
    this.errors = [];
    this.setText(text);
    say("rt-msg", "");
    $("routine-edit").scrollIntoView({ block: "start" });
  },

  // The text changed (typed, or opened): the model and the form follow.
  setText(text, fromTextarea) {
    if (!fromTextarea) $("ini-text").value = text;
    this.model = Ini.parse(text);
    this.errors = [];
    this.drawForm();
    this.drawLines();
  },

  // The form changed: its keys into the model, the model into the text.
  formChanged() {
    $("ini-text").value = Ini.text(this.model);
    this.errors = [];
    this.drawLines();
  },

  routineSection() {
    let s = this.model.sections.find(x => x.name === "routine");
    if (!s) {
      s = { name: "routine", lines: ["[routine]"] };
      this.model.sections.unshift(s);
    }
    return s;
  },

  steps() { return this.model.sections.filter(s => s.name === "step"); },

  drawForm() {
    const routine = this.model.sections.find(x => x.name === "routine");
    $("rt-title").value = routine ? Ini.get(routine, "title") || "" : "";
    const ol = $("rt-steps");
    ol.replaceChildren();
    const steps = this.steps();
    steps.forEach((s, i) => ol.appendChild(this.stepRow(s, i, steps.length)));
    if (!steps.length) ol.appendChild(el("li", "muted", "No exercises yet."));
  },

  field(label, input) {
    const l = el("label", "sf");
    l.appendChild(el("span", "label", label));
    l.appendChild(input);
    return l;
  },

  stepRow(s, i, count) {
    const li = el("li", "step");
    li.dataset.index = String(i);
    const bind = (input, key, read) => {
      input.addEventListener(input.tagName === "SELECT" || input.type === "checkbox" ? "change" : "input", () => {
        Ini.set(s, key, read(input));
        this.formChanged();
      });
      return input;
    };
    const ex = el("select", "field");
    const current = Ini.get(s, "exercise") || "";
    for (const e of this.exercises) {
      const o = el("option", null, e.name);
      o.value = e.id;
      ex.appendChild(o);
    }
    if (!this.exercises.some(e => e.id === current)) {
      const o = el("option", null, current ? `${current} (unknown)` : "(choose)");
      o.value = current;
      ex.insertBefore(o, ex.firstChild);
    }
    ex.value = current;
    ex.setAttribute("aria-label", `Exercise ${i + 1}`);
    bind(ex, "exercise", x => x.value);
    const top = el("div", "step-top");
    top.appendChild(el("span", "label step-no", `${i + 1}. Exercise`));
    const moves = el("div", "moves");
    const up = button("\u2191", "btn icon", () => this.move(i, -1));
    up.setAttribute("aria-label", "Move up");
    up.disabled = i === 0;
    const down = button("\u2193", "btn icon", () => this.move(i, 1));
    down.setAttribute("aria-label", "Move down");
    down.disabled = i === count - 1;
    const del = button("\u2715", "btn icon", () => this.removeStep(i));
    del.setAttribute("aria-label", "Remove");
    moves.append(up, down, del);
    top.appendChild(moves);
    li.append(top, ex);

    const grid = el("div", "step-grid");
    const text = (key, cls, placeholder) => {
      const input = el("input", `field ${cls}`);
      input.value = Ini.get(s, key) || "";
      input.placeholder = placeholder;
      input.dataset.key = key;
      return bind(input, key, x => x.value.trim());
    };
    grid.appendChild(this.field("Reps", text("reps", "reps", "10 or 30-50")));
    grid.appendChild(this.field("Sets", text("sets", "num", "1")));
    grid.appendChild(this.field("Rest (s)", text("rest", "num", "default")));
    const side = el("select", "field");
    for (const [v, label] of [["", "as the exercise"], ["yes", "yes"], ["no", "no"]]) {
      const o = el("option", null, label);
      o.value = v;
      side.appendChild(o);
    }
    side.value = Ini.get(s, "per_side") || "";
    grid.appendChild(this.field("Per side", bind(side, "per_side", x => x.value)));
    const opt = el("input");
    opt.type = "checkbox";
    opt.checked = (Ini.get(s, "optional") || "") === "yes";
    const ol = el("label", "check");
    ol.append(bind(opt, "optional", x => (x.checked ? "yes" : null)), document.createTextNode(" optional"));
    grid.appendChild(ol);
    li.appendChild(grid);
    return li;
  },

  move(i, d) {
    const steps = this.steps();
    const a = this.model.sections.indexOf(steps[i]);
    const b = this.model.sections.indexOf(steps[i + d]);
    if (a < 0 || b < 0) return;
    [this.model.sections[a], this.model.sections[b]] = [this.model.sections[b], this.model.sections[a]];
    this.formChanged();
    this.drawForm();
  },

  removeStep(i) {
    const s = this.steps()[i];
    this.model.sections.splice(this.model.sections.indexOf(s), 1);
    this.formChanged();
    this.drawForm();
  },

  addStep() {
    const first = this.exercises.length ? this.exercises[0].id : "";
    this.model.sections.push({ name: "step", lines: ["[step]", `exercise = ${first}`, "reps = 10"] });
    this.formChanged();
    this.drawForm();
  },

  // Line numbers beside the text, the lines with errors marked, and the
  // errors listed under it.
  drawLines() {
    const text = $("ini-text").value;
    const n = Math.max(1, text.split("\n").length - (text.endsWith("\n") ? 1 : 0));
    const bad = new Set(this.errors.map(e => e.line));
    const gutter = $("ini-lines");
    gutter.replaceChildren();
    for (let i = 1; i <= n; i++) {
      const s = el("span", bad.has(i) ? "bad" : null, String(i));
      if (bad.has(i)) s.title = this.errors.filter(e => e.line === i).map(e => e.message).join("; ");
      gutter.appendChild(s);
    }
    $("ini-text").rows = n + 1;
    const ul = $("ini-errors");
    ul.replaceChildren();
    for (const e of this.errors) {
      const li = el("li", "error");
      li.dataset.line = String(e.line);
      li.append(el("b", null, `Line ${e.line}: `), document.createTextNode(e.message));
      ul.appendChild(li);
    }
    const m = Ini.parse(text);
    const badSteps = new Set(this.errors.map(e => Ini.sectionAt(m, e.line)));
    const steps = m.sections.map((s, i) => (s.name === "step" ? i : -1)).filter(i => i >= 0);
    for (const li of document.querySelectorAll("#rt-steps .step"))
      li.classList.toggle("bad", badSteps.has(steps[Number(li.dataset.index)]));
  },

  async save() {
    const id = $("rt-id").value.trim();
    if (!/^[a-z0-9_-]{1,47}$/.test(id)) {
      say("rt-msg", "The id is 1 to 47 lower-case letters, digits, '-' or '_'.", true);
      return;
    }
    const r = await send("PUT", `/api/routines/${id}`, $("ini-text").value);
    if (r.status === 200 || r.status === 201) {
      this.errors = [];
      this.drawLines();
      $("routine-heading").textContent = `Routine ${id}`;
      say("rt-msg", `Saved ${id}: the kiosk uses it from the next workout.`);
      await this.load();
    } else if (r.status === 422 && r.json && r.json.errors) {
      this.errors = r.json.errors;
      this.drawLines();
      say("rt-msg", `Not saved: ${r.json.errors.length === 1 ? "an error" : `${r.json.errors.length} errors`} (marked beside the text).`, true);
    } else if (r.status === 413) {
      say("rt-msg", "Not saved: the text is longer than the kiosk takes (4 KB).", true);
    } else {
      say("rt-msg", (r.json && r.json.error) || `Not saved (${r.status}).`, true);
    }
  },
};

Setup.loaders.routines = () => Routines.load();

document.addEventListener("DOMContentLoaded", () => {
  $("routine-new").addEventListener("click", () => Routines.fresh());
  $("rt-add").addEventListener("click", () => Routines.addStep());
  $("rt-save").addEventListener("click", () => Routines.save());
  $("rt-close").addEventListener("click", () => { $("routine-edit").hidden = true; });
  $("rt-title").addEventListener("input", () => {
    Ini.set(Routines.routineSection(), "title", $("rt-title").value.trim());
    Routines.formChanged();
  });
  $("ini-text").addEventListener("input", () => Routines.setText($("ini-text").value, true));
});
