// Keeps what people type into a form marked data-draft in this browser until the site confirms it was sent
// (an element marked data-draft-clear), so an expired session, a lost connection or a closed tab never loses an article.
(() => {
  const prefix = "hoankiem-draft:";
  // What was typed into each field of this page, for an interactive component that takes over a field after the person
  // began typing: it renders the field anew, so it reads from here what the page's own field held.
  const typed = new Map();
  const fieldsOf = form => [...form.elements].filter(e => e.name && !e.name.startsWith("__") && !["file", "hidden", "submit", "button"].includes(e.type));

  function save(form) {
    const values = {};
    for (const field of fieldsOf(form)) values[field.name] = field.value;
    try { localStorage.setItem(prefix + form.dataset.draft, JSON.stringify(values)); } catch { /* storage full or refused: typing goes on */ }
  }

  function restore() {
    for (const marker of document.querySelectorAll("[data-draft-clear]")) {
      localStorage.removeItem(prefix + marker.dataset.draftClear);
      typed.clear();
    }
    for (const form of document.querySelectorAll("form[data-draft]")) {
      const saved = localStorage.getItem(prefix + form.dataset.draft);
      const fields = fieldsOf(form);
      // A form the server filled (a refused post, a .docx read) shows what it holds; only an empty one takes the draft.
      if (!saved || fields.some(field => field.value)) continue;
      const values = JSON.parse(saved);
      let restored = false;
      for (const field of fields) {
        if (values[field.name]) {
          field.value = values[field.name];
          field.dispatchEvent(new Event("input", { bubbles: true }));
          restored = true;
        }
      }
      if (restored) form.querySelector("[data-draft-restored]")?.removeAttribute("hidden");
    }
  }

  for (const type of ["input", "change"]) {
    document.addEventListener(type, event => {
      if (event.target.name) typed.set(event.target.name, event.target.value);
      const form = event.target.form;
      if (form?.dataset.draft) save(form);
    });
  }
  window.hoankiem = {
    valueOf: element => typed.get(element.name) ?? element.value,
    valuesOf: container => Object.fromEntries([...container.querySelectorAll("input[name]")].map(input => [input.name, typed.get(input.name) ?? input.value]))
  };
  restore();
  Blazor.addEventListener("enhancedload", () => {
    typed.clear();
    restore();
  });
})();
