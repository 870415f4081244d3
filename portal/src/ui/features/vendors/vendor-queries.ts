import { api, unwrap } from '../../lib/api';

export const fetchVendor = (id: string) => unwrap(api.api.vendors[':id'].$get({ param: { id } }));
export type VendorDetail = Awaited<ReturnType<typeof fetchVendor>>;
export const vendorKey = (id: string) => ['vendor', id] as const;
