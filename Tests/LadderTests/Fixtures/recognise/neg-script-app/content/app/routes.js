const routes = {
  home: { path: '/', children: [{ path: 'a' }, { path: 'b' }, { path: 'c' }] },
  about: { path: '/about', children: [{ path: 'team' }, { path: 'jobs' }, { path: 'press' }] },
};
const people = [
  { name: "Ada", role: "Senior Engineer", skills: ["Swift", "Go", "SQL"] },
  { name: "Grace", role: "Engineering Manager", skills: ["Hiring", "Planning", "COBOL"] },
  { name: "Lin", role: "Staff Engineer", skills: ["Rust", "Kubernetes", "Postgres"] },
];
export default { routes, people };
