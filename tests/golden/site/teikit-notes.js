// teikit-notes.js: footnotes beside their references (copied into each page with notes by
// html.xsl). Hovering over or focusing a reference (sup.fnref a) shows the note's text in a
// box next to it, without leaving the text; Escape, moving away or leaving the link hides
// it. The reference stays a link to the note list, whose back links work with or without
// this script.
(() => {
  const refs = document.querySelectorAll('sup.fnref a[href^="#"]');
  if (!refs.length) return;
  const popup = document.createElement('div');
  popup.id = 'note-popup';
  popup.className = 'note-popup';
  popup.setAttribute('role', 'tooltip');
  popup.hidden = true;
  document.body.append(popup);
  let owner = null;

  function noteOf(ref) {
    return document.getElementById(decodeURIComponent(ref.getAttribute('href').slice(1)));
  }

  function show(ref) {
    const note = noteOf(ref);
    if (!note) return;
    const copy = note.cloneNode(true);
    copy.querySelectorAll('.backlink, [id]').forEach(e => {
      if (e.classList.contains('backlink')) e.remove(); else e.removeAttribute('id');
    });
    popup.replaceChildren(...copy.childNodes);
    popup.hidden = false;
    owner = ref;
    ref.setAttribute('aria-describedby', popup.id);
    const box = ref.getBoundingClientRect();
    const width = Math.min(28 * 16, document.documentElement.clientWidth - 16);
    popup.style.width = width + 'px';
    const left = Math.max(8, Math.min(box.left + scrollX - width / 2,
                                      scrollX + document.documentElement.clientWidth - width - 8));
    popup.style.left = left + 'px';
    popup.style.top = (box.bottom + scrollY + 6) + 'px';
  }

  function hide() {
    if (owner) owner.removeAttribute('aria-describedby');
    owner = null;
    popup.hidden = true;
  }

  for (const ref of refs) {
    ref.addEventListener('mouseenter', () => show(ref));
    ref.addEventListener('focus', () => show(ref));
    ref.addEventListener('mouseleave', () => { if (document.activeElement !== ref) hide(); });
    ref.addEventListener('blur', hide);
    ref.addEventListener('click', hide);
  }
  document.addEventListener('keydown', event => {
    if (event.key === 'Escape' && owner) hide();
  });
})();
