// Every kind of page the site has, one address each from the demo data. Each is visited in
// both languages by page-kinds.test.js; a new kind of page is one more line here.
// `status` is the answer the page is meant to give when it is not 200.

export const PAGE_KINDS = [
  { name: 'home', path: '/' },
  { name: 'registry-list', path: '/registry' },
  { name: 'registry-entry', path: '/registry/C25-0001' },
  { name: 'criteria-versions', path: '/criteria' },
  { name: 'criteria-version', path: '/criteria/demo-2026' },
  { name: 'criteria-control', path: '/criteria/demo-2026/8.1.1.1' },
  { name: 'not-found', path: '/registry/C99-9999', status: 404 },
  { name: 'error', path: '/registry?level=9', status: 400 },
];
