/** What the catalog says about a URL or host; the shape of the shared classifier's answer. */
export type ServiceMatch = {
  serviceId: string;
  serviceName: string;
  vendor: string;
  category: string;
  matchedRule: string;
  matchKind: 'site' | 'path' | 'api';
};
export type Classification = ServiceMatch | { serviceId: null; reason: string };

export function isMatch(c: Classification): c is ServiceMatch {
  return c.serviceId !== null;
}
