// Rapport's only script besides htmx: kept in a file because the Content-Security-Policy forbids inline script.
document.addEventListener('DOMContentLoaded', () => {
  // Ask before a destructive or irreversible form is sent, where the form asks for it.
  document.querySelectorAll('form[data-confirm]').forEach((form) => {
    form.addEventListener('submit', (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  });

  // Where a page holds several forms (the ending workspace), sending one does not lose what was typed
  // into the others: it is kept for this tab while the page comes back, put back, and marked as not
  // saved yet. Kept in the tab's own storage only, and cleared on the next load and at sign-out.
  // A single choice with no option marked as the default starts on its first option.
  const startsSelected = (select, option, index) => option.defaultSelected
    || (!select.multiple && index === 0 && !Array.from(select.options).some((o) => o.defaultSelected));
  const changed = (field) => (field.type === 'checkbox' || field.type === 'radio')
    ? field.checked !== field.defaultChecked
    : field.tagName === 'SELECT'
      ? Array.from(field.options).some((option, index) => option.selected !== startsSelected(field, option, index))
      : field.value !== field.defaultValue;
  const valueOf = (field) => (field.type === 'checkbox' || field.type === 'radio') ? field.checked : field.value;
  document.querySelectorAll('[data-keep-unsaved]').forEach((page) => {
    const key = 'rapport.unsaved:' + window.location.pathname;
    const forms = Array.from(page.querySelectorAll('form'));
    const fieldsOf = (form) => Array.from(form.querySelectorAll('input[id], textarea[id], select[id]'))
      .filter((field) => field.type !== 'hidden' && field.type !== 'submit');
    let kept = {};
    try { kept = JSON.parse(window.sessionStorage.getItem(key) || '{}'); } catch (e) { kept = {}; }
    window.sessionStorage.removeItem(key);
    forms.forEach((form) => {
      let restored = false;
      fieldsOf(form).forEach((field) => {
        if (!Object.prototype.hasOwnProperty.call(kept, field.id)) return;
        if (field.type === 'checkbox' || field.type === 'radio') field.checked = kept[field.id] === true;
        else field.value = kept[field.id];
        restored = true;
      });
      if (restored) {
        const note = document.createElement('p');
        note.className = 'flash unsaved';
        note.setAttribute('role', 'status');
        note.textContent = 'What you typed here is not saved yet: save this part to keep it.';
        form.prepend(note);
      }
      form.addEventListener('submit', () => {
        const unsaved = {};
        forms.filter((other) => other !== form).forEach((other) => fieldsOf(other).forEach((field) => {
          if (changed(field)) unsaved[field.id] = valueOf(field);
        }));
        if (Object.keys(unsaved).length > 0) window.sessionStorage.setItem(key, JSON.stringify(unsaved));
      });
    });
  });
  document.querySelectorAll('form.sign-out').forEach((form) => {
    form.addEventListener('submit', () => window.sessionStorage.clear());
  });
});
