// The keyboard walk of tests/test_accessibility.py, run in the page: `window.keyboardWalk` knows which elements a
// mouse can use (the controls), what each focusable element looks like unfocused, and judges each tab stop.
(() => {
  const FOCUSABLE = 'a[href], button, input, select, textarea, summary, label, [tabindex], [contenteditable="true"]';
  const NATIVE = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
  const ids = new WeakMap();
  let next = 0;
  const baseline = new Map();
  const key = (el) => { if (!ids.has(el)) ids.set(el, next++); return ids.get(el); };

  const rendered = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };
  // What shows an element's focus: the element itself, or for a visually hidden radio or checkbox its visible label.
  const shown = (el) => {
    if (rendered(el)) return el;
    const label = el.id && [...document.querySelectorAll(`label[for="${CSS.escape(el.id)}"]`)].find(rendered);
    const sibling = el.nextElementSibling;
    return label || (sibling && sibling.tagName === 'LABEL' && rendered(sibling) ? sibling : el);
  };
  const look = (el) => {
    const style = getComputedStyle(el);
    return [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow, style.backgroundColor,
      style.color, style.borderColor, style.textDecorationLine].join('|');
  };
  const describe = (el) => {
    const classes = typeof el.className === 'string'
      ? el.className.split(/\s+/).filter((name) => name && name !== 'focus-visible').map((name) => `.${name}`).join('') : '';
    const attributes = ['href', 'for'].filter((name) => el.hasAttribute(name))
      .map((name) => `[${name}="${el.getAttribute(name)}"]`).join('');
    const text = (el.innerText || el.getAttribute('aria-label') || el.getAttribute('title') || '').trim().slice(0, 40);
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${classes}${attributes} "${text}"`;
  };
  const related = (a, b) => a === b || a.contains(b) || b.contains(a) || (b.htmlFor && b.htmlFor === a.id);
  const hit = (el, box) => {
    const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
    return document.elementFromPoint(x, y);
  };

  // A control: something a mouse can use right now. A link, button or form field, or any element shown with a
  // pointer cursor (Material's toggles are labels), that is rendered and not hidden under something else.
  function controls(scope = document.body) {
    const found = [];
    for (const el of scope.querySelectorAll('*')) {
      const interactive = el.matches(NATIVE) ||
        (getComputedStyle(el).cursor === 'pointer' && !(el.parentElement && getComputedStyle(el.parentElement).cursor === 'pointer'));
      if (!interactive || !rendered(el) || getComputedStyle(el).pointerEvents === 'none') continue;
      if (el.tagName === 'LABEL') {
        const target = document.getElementById(el.htmlFor);
        if (target && rendered(target) && !target.matches('[type=radio], [type=checkbox]')) continue; // a field's label
      }
      const saved = [scrollX, scrollY];
      if (getComputedStyle(el).position !== 'fixed' && !el.closest('.md-header, .md-sidebar--primary')) {
        el.scrollIntoView({ block: 'center', inline: 'nearest' });
      }
      const box = el.getBoundingClientRect();
      const top = hit(el, box);
      scrollTo(...saved);
      if (top && related(el, top)) found.push(el);
    }
    return found;
  }

  window.keyboardWalk = {
    // Remember how every focusable element looks before anything has focus.
    start() {
      for (const el of document.querySelectorAll(FOCUSABLE)) baseline.set(key(shown(el)), look(shown(el)));
    },
    // The focused element and what is wrong with how it shows (null: nothing focused).
    stop() {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const target = shown(el);
      const box = target.getBoundingClientRect();
      let problem = '';
      if (!(box.width > 0 && box.height > 0)) problem = 'has focus but is not shown';
      else if (box.bottom <= 0 || box.right <= 0 || box.top >= innerHeight || box.left >= innerWidth) {
        problem = 'has focus off screen';
      } else if (baseline.has(key(target)) && baseline.get(key(target)) === look(target)) {
        problem = 'looks the same with and without focus';
      } else {
        const top = hit(target, box);
        if (top && !related(target, top) && !related(el, top)) problem = `has focus under ${describe(top)}`;
      }
      return { key: key(el), what: describe(el), problem, inDrawer: !!el.closest('.md-sidebar--primary') };
    },
    // The controls (in `selector`, default the whole page) that no tab stop reached.
    unreached(keys, selector) {
      const reached = new Set(keys);
      const focused = [...document.querySelectorAll(FOCUSABLE)].filter((el) => reached.has(ids.get(el)));
      const scope = selector ? document.querySelector(selector) : document.body;
      return controls(scope).filter((el) => {
        if (focused.some((f) => f === el || f.contains(el) || el.contains(f))) return false;
        // A group of radio buttons is one tab stop; the arrow keys move within it.
        if (el.type === 'radio' && el.name && focused.some((f) => f.type === 'radio' && f.name === el.name && f.form === el.form)) {
          return false;
        }
        if (el.tagName === 'LABEL') {
          const target = document.getElementById(el.htmlFor);
          if (target && focused.some((f) => f === target || (f.type === 'radio' && f.name && f.name === target.name))) {
            return false;
          }
        }
        return true;
      }).map(describe);
    },
  };
})();
