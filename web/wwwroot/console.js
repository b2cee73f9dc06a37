// A button marked data-print prints the page (e.g. a credential slip); without script the browser's own print does.
document.addEventListener("click", event => {
  if (event.target instanceof Element && event.target.closest("[data-print]")) window.print();
});
