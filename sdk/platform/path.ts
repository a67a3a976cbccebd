import { idPath } from "../endpoints/path";

export const applicationPath = (applicationId: string, suffix = "") =>
  idPath("/platform/applications", applicationId, suffix);

/** `/platform/applications/{app}/instances/{development|production|ins_…}…` */
export function instancePath(applicationId: string, instance: string, suffix = ""): string {
  return idPath(applicationPath(applicationId, "/instances"), instance, suffix);
}
