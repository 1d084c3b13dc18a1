/**
 * The web host's JSON API: one route per host service, every body checked with zod. Where
 * absence is normal (a runs file, a backup) the answer is 200 with null, never a 404, because
 * the browser logs every failed request as a console error.
 *
 *   GET    /api/files                       -> { files }
 *   GET    /api/file?path=P                 -> FileContent (404 when there is no such file)
 *   GET    /api/file-if-exists?path=P       -> FileContent | null
 *   PUT    /api/file?path=P  {text, ifVersion?}  -> { version }
 *   GET    /api/recent                      -> { paths }
 *   POST   /api/recent       {path}         -> { paths }
 *   GET    /api/templates                   -> { templates }
 *   GET    /api/template?id=I[&configuration=C] -> { id, text }
 *   GET    /api/template-notebook?id=I      -> { id, text } (text null when it has none)
 *   GET    /api/backups                     -> { backups }
 *   GET    /api/backup?key=K                -> Backup | null
 *   PUT    /api/backup?key=K {text}         -> {}
 *   DELETE /api/backup?key=K                -> {}
 */
import { z } from "zod";
import { HostError } from "./errors.js";
import type { HostServices } from "./services.js";

const SaveBody = z.object({ text: z.string(), ifVersion: z.string().nullable().optional() });
const RecentBody = z.object({ path: z.string() });
const BackupBody = z.object({ text: z.string() });

/** Answers one API request; failures are thrown as HostError for the caller to send. */
export async function handleApi(services: HostServices, method: string, url: URL, body: unknown): Promise<unknown> {
  const route = `${method} ${url.pathname}`;
  const query = (name: string): string => {
    const value = url.searchParams.get(name);
    if (value === null) throw new HostError("bad-request", `${route} needs ?${name}=.`);
    return value;
  };
  switch (route) {
    case "GET /api/files":
      return { files: await services.listFiles() };
    case "GET /api/file":
      return services.readFile(query("path"));
    case "GET /api/file-if-exists":
      return services.readFileIfExists(query("path"));
    case "PUT /api/file": {
      const { text, ifVersion } = parse(SaveBody, body, route);
      return services.writeFile(query("path"), text, ifVersion === undefined ? {} : { ifVersion });
    }
    case "GET /api/recent":
      return { paths: await services.recentFiles() };
    case "POST /api/recent":
      return { paths: await services.addRecentFile(parse(RecentBody, body, route).path) };
    case "GET /api/templates":
      return { templates: await services.listTemplates() };
    case "GET /api/template": {
      const id = query("id");
      const configuration = url.searchParams.get("configuration");
      return { id, text: await (configuration === null ? services.readTemplate(id) : services.readTemplate(id, configuration)) };
    }
    case "GET /api/template-notebook": {
      const id = query("id");
      return { id, text: await services.readTemplateNotebook(id) };
    }
    case "GET /api/backups":
      return { backups: await services.listBackups() };
    case "GET /api/backup":
      return services.readBackup(query("key"));
    case "PUT /api/backup":
      await services.writeBackup(query("key"), parse(BackupBody, body, route).text);
      return {};
    case "DELETE /api/backup":
      await services.removeBackup(query("key"));
      return {};
    default:
      throw new HostError("not-found", `There is no API ${route}.`);
  }
}

function parse<T>(schema: z.ZodType<T>, body: unknown, route: string): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new HostError("bad-request", `${route}: ${first ? `${first.path.join(".") || "body"}: ${first.message}` : "malformed body"}.`);
  }
  return result.data;
}
