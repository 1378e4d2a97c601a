// Filling the work forms of the statement editor and the audit's conclusions the way a person
// who has the answers at hand does: every field of one page at once, then the page's own submit
// button. For the long stretches of a flow (a hundred objectives); the first page of each kind
// is filled field by field in the flow itself.

/**
 * Selects every control of a statement objective's page with an individual control in both
 * languages, the provider responsible and the first technology example (if the criteria have
 * one). Answers each control as `{ id, legend }`.
 */
export function selectEveryControl(page, individual) {
  return page.locator('form.work').evaluate((form, texts) => {
    const answered = [];
    for (const control of form.querySelectorAll('fieldset.control')) {
      const selected = control.querySelector('input[type=radio][value=selected]');
      selected.checked = true;
      const id = selected.name.slice('state|'.length);
      control.querySelector('textarea[name^="individual_ja|"]').value = `${texts.ja} (${id})`;
      control.querySelector('textarea[name^="individual_en|"]').value = `${texts.en} (${id})`;
      control.querySelector('select[name^="responsibility|"]').value = 'csp';
      const example = control.querySelector('input[type=checkbox][name^="example|"]');
      if (example && !control.querySelector('input[type=checkbox][name^="example|"]:checked')) {
        example.checked = true;
      }
      answered.push({ id, legend: control.querySelector('legend').textContent });
    }
    return answered;
  }, individual);
}

/** Answers every governance or management item of the page as implemented, with how. */
export function implementEveryItem(page, how) {
  return page.locator('form.work').evaluate((form, texts) => {
    for (const item of form.querySelectorAll('fieldset.control')) {
      item.querySelector('select[name^="status|"]').value = 'implemented';
      item.querySelector('textarea[name^="description_ja|"]').value = texts.ja;
      item.querySelector('textarea[name^="description_en|"]').value = texts.en;
    }
  }, how);
}

/**
 * Concludes the objective and every control of an audit's conclusions page: effective and
 * conformant with `reasons.yes`, except the control `doubted`, found not conformant with
 * `reasons.no`.
 */
export function concludeEverything(page, { doubted, reasons }) {
  return page.locator('form.work').evaluate(
    (form, { doubted, reasons }) => {
      const concluded = [];
      for (const fieldset of form.querySelectorAll('fieldset.control')) {
        const id = fieldset.querySelector('input[type=radio]').name.slice('answer|'.length);
        const reason = id === doubted ? reasons.no : reasons.yes;
        fieldset.querySelector(`input[type=radio][value=${id === doubted ? 'no' : 'yes'}]`).checked = true;
        fieldset.querySelector('textarea[name^="reason_ja|"]').value = reason.ja;
        fieldset.querySelector('textarea[name^="reason_en|"]').value = reason.en;
        concluded.push(id);
      }
      return concluded;
    },
    { doubted, reasons },
  );
}
