// A routine's INI text as sections of lines, so the routine form can change
// a few keys and keep everything else (comments, notes, other keys) as the
// runner wrote it. Line numbers are the text's own, counted from 1.
"use strict";

const Ini = {
  KEY: /^\s*([A-Za-z0-9_]+)\s*=\s*(.*?)\s*$/,
  HEAD: /^\s*\[([^\]]*)\]\s*$/,

  // {head: [lines before the first section], sections: [{name, lines}]};
  // a section's first line is its [name].
  parse(text) {
    const lines = text.replace(/\r\n?/g, "\n").split("\n");
    if (lines.length && lines[lines.length - 1] === "") lines.pop();
    const m = { head: [], sections: [] };
    let cur = null;
    for (const line of lines) {
      const h = line.match(this.HEAD);
      if (h) {
        cur = { name: h[1].trim(), lines: [line] };
        m.sections.push(cur);
      } else if (cur) {
        cur.lines.push(line);
      } else {
        m.head.push(line);
      }
    }
    return m;
  },

  text(m) {
    const out = [...m.head];
    m.sections.forEach((s, i) => {
      const lines = [...s.lines];
      // Sections moved about keep a blank line between them.
      if (i < m.sections.length - 1 && lines[lines.length - 1].trim() !== "") lines.push("");
      out.push(...lines);
    });
    return out.join("\n") + "\n";
  },

  get(s, key) {
    let v = null;
    for (const line of s.lines.slice(1)) {
      const k = line.match(this.KEY);
      if (k && k[1] === key) v = k[2];
    }
    return v;
  },

  // Set key (its first line; later ones go); null or "" removes it.
  set(s, key, value) {
    const keep = value !== null && value !== undefined && String(value).trim() !== "";
    const out = [s.lines[0]];
    let done = false;
    for (const line of s.lines.slice(1)) {
      const k = line.match(this.KEY);
      if (!k || k[1] !== key) {
        out.push(line);
      } else if (keep && !done) {
        out.push(`${key} = ${value}`);
        done = true;
      }
    }
    if (keep && !done) {
      // After the last key line (blank lines and comments at the end stay
      // at the end).
      let at = out.length;
      while (at > 1 && !this.KEY.test(out[at - 1])) at--;
      out.splice(at, 0, `${key} = ${value}`);
    }
    s.lines = out;
  },

  // The index of the section holding line n (1-based), -1 for the head.
  sectionAt(m, n) {
    let line = m.head.length;
    if (n <= line) return -1;
    for (let i = 0; i < m.sections.length; i++) {
      line += m.sections[i].lines.length;
      if (n <= line) return i;
    }
    return m.sections.length - 1;
  },
};
