// Rapport's only script besides htmx: kept in a file because the Content-Security-Policy forbids inline script.
document.addEventListener('DOMContentLoaded', () => {
  // Ask before a destructive or irreversible form is sent, where the form asks for it.
  document.querySelectorAll('form[data-confirm]').forEach((form) => {
    form.addEventListener('submit', (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  });
});
