// The Script tab's code editor: CodeMirror 6 with Python, bundled at set-up by
// scripts/build_editor.mjs into site/editor/editor.js, which the page loads only when
// the Script tab first opens.
import { indentWithTab } from "@codemirror/commands";
import { HighlightStyle, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { python } from "@codemirror/lang-python";
import { EditorState, StateEffect, StateField } from "@codemirror/state";
import { Decoration, EditorView, keymap } from "@codemirror/view";
import { tags } from "@lezer/highlight";
import { basicSetup } from "codemirror";

// The line of the last error, drawn with the class "cm-error-line".
const markError = StateEffect.define();
const errorLine = StateField.define({
  create: () => Decoration.none,
  update(marks, tr) {
    marks = marks.map(tr.changes);
    for (const effect of tr.effects) {
      if (effect.is(markError)) {
        const line = effect.value;
        marks =
          line === null
            ? Decoration.none
            : Decoration.set([
                Decoration.line({ class: "cm-error-line" }).range(
                  tr.state.doc.line(line).from,
                ),
              ]);
      }
    }
    // Typing on the marked line means the user is fixing it: the mark goes.
    if (tr.docChanged && marks.size) {
      let touched = false;
      marks.between(0, tr.state.doc.length, (from) => {
        tr.changes.iterChangedRanges((a, b, c, d) => {
          if (tr.state.doc.lineAt(c).from === from || tr.state.doc.lineAt(d).from === from) {
            touched = true;
          }
        });
      });
      if (touched) marks = Decoration.none;
    }
    return marks;
  },
  provide: (field) => EditorView.decorations.from(field),
});

// The page's colours (its custom properties reach into the shadow root) and sizes.
const pageTheme = EditorView.theme({
  "&": { height: "100%", fontSize: ".9rem", color: "var(--text)", backgroundColor: "var(--bg)" },
  "&.cm-focused": { outline: "3px solid var(--accent)", outlineOffset: "-3px" },
  ".cm-gutters": {
    backgroundColor: "var(--panel)",
    color: "var(--muted)",
    borderRight: "1px solid var(--border)",
  },
  ".cm-activeLine, .cm-activeLineGutter": {
    backgroundColor: "color-mix(in srgb, var(--accent) 10%, transparent)",
  },
  ".cm-cursor": { borderLeftColor: "var(--text)" },
  ".cm-error-line": { backgroundColor: "color-mix(in srgb, var(--closed) 25%, transparent)" },
});

// Syntax colours from the page's own palette, which has enough contrast in both themes
// (CodeMirror's default colours are for a light background only).
const pageHighlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.operatorKeyword, tags.modifier], color: "var(--sent)" },
  { tag: [tags.string, tags.special(tags.string)], color: "var(--received)" },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: "var(--connecting)" },
  { tag: [tags.comment, tags.meta], color: "var(--muted)", fontStyle: "italic" },
  { tag: [tags.definition(tags.variableName), tags.function(tags.variableName)], fontWeight: "600" },
  { tag: tags.invalid, color: "var(--closed)" },
]);

// Make an editor in host holding text. onChange(text) runs after each edit; label
// names the editor for assistive technology (it has no <label> of its own).
// The editor lives in host's shadow root: CodeMirror's styles are then constructed
// style sheets, which the page's Content-Security-Policy (style-src 'self') allows,
// where <style> elements would be refused.
export function createEditor(host, text, onChange, label) {
  const root = host.shadowRoot ?? host.attachShadow({ mode: "open" });
  const parent = document.createElement("div");
  parent.style.height = "100%";
  root.replaceChildren(parent);
  const view = new EditorView({
    root,
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        basicSetup,
        pageTheme,
        syntaxHighlighting(pageHighlight),
        python(),
        indentUnit.of("    "),
        keymap.of([indentWithTab]),
        errorLine,
        EditorView.contentAttributes.of({ "aria-label": label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    text: () => view.state.doc.toString(),
    setText(value) {
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: value },
        effects: markError.of(null),
      });
    },
    // Mark line n (1-based), scroll it into view; null takes the mark away.
    markLine(n) {
      const lines = view.state.doc.lines;
      if (n == null || n < 1 || n > lines) n = null; // None from Python comes as undefined
      const effects = [markError.of(n)];
      if (n !== null) {
        effects.push(EditorView.scrollIntoView(view.state.doc.line(n).from, { y: "center" }));
      }
      view.dispatch({ effects });
    },
    focus: () => view.focus(),
  };
}
