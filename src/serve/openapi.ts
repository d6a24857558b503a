// The OpenAPI document, generated from the route table and its zod schemas.
import { z } from "zod";
import * as s from "./schemas.ts";

interface Route {
  method: "get" | "post";
  path: string;
  summary: string;
  query?: z.ZodObject;
  pathParams?: Record<string, string>;
  body?: z.ZodType;
  response: z.ZodType;
}

export const ROUTES: Route[] = [
  { method: "get", path: "/api/propositions", summary: "Propositions, most independent origins first, filtered and paged", query: s.propositionsQuery, response: s.page(s.propositionSummary) },
  { method: "get", path: "/api/propositions/{id}", summary: "One proposition with all its claims", pathParams: { id: "the proposition's id" }, response: s.proposition },
  { method: "get", path: "/api/claims", summary: "Stored statements (page furniture left out), filtered and paged", query: s.claimsQuery, response: s.page(s.storedClaim) },
  { method: "get", path: "/api/documents", summary: "Stored documents with their metadata, paged", query: s.pageOnlyQuery, response: s.page(s.storedDocument) },
  { method: "get", path: "/api/documents/{id}", summary: "One document: its text, its claims and its findings as marks", pathParams: { id: "the document's id" }, response: s.documentWithMarks },
  { method: "get", path: "/api/numbers", summary: "Every figure by what it counts: who gave which value when, ranges, bounds and denials", query: s.numbersQuery, response: s.page(s.numberSeries) },
  { method: "get", path: "/api/sources", summary: "Sources, most claims first: their claims' certainty and who cites whom", query: s.pageOnlyQuery, response: s.page(s.sourceSummary) },
  { method: "get", path: "/api/timeline", summary: "Every linked claim in date order, paged", query: s.pageOnlyQuery, response: s.page(s.timelineEvent) },
  {
    method: "get",
    path: "/api/story",
    summary: "The story as JSON (docs/story-schema.md): a page of its propositions, most independent origins first, each with all its claims, and every source",
    query: s.pageOnlyQuery,
    response: z.object({
      propositions: z.array(s.proposition),
      sources: z.array(s.sourceSummary),
      total: z.number().int().describe("how many propositions the story has"),
      next: z.string().optional().describe("pass as cursor for the next page"),
    }),
  },
  { method: "post", path: "/api/analyze", summary: "Analyse, store and link one posted document (text, HTML or a URL to fetch)", body: s.analyzeBody, response: s.analyzeResponse },
];

const schema = (type: z.ZodType) => z.toJSONSchema(type, { unrepresentable: "any" });

const errors = (codes: number[]) =>
  Object.fromEntries(codes.map((code) => [String(code), { description: code === 401 ? "no or wrong bearer token" : "bad request or not found", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }]));

function operation(route: Route) {
  const parameters = [
    ...Object.entries(route.pathParams ?? {}).map(([name, description]) => ({ name, in: "path", required: true, description, schema: { type: "string" } })),
    ...Object.entries(route.query?.shape ?? {}).map(([name, field]) => {
      const type = field as z.ZodType;
      return { name, in: "query", required: !type.safeParse(undefined).success, ...(type.description ? { description: type.description } : {}), schema: schema(type) };
    }),
  ];
  return {
    summary: route.summary,
    ...(parameters.length ? { parameters } : {}),
    ...(route.body ? { requestBody: { required: true, content: { "application/json": { schema: schema(route.body) } } } } : {}),
    responses: { "200": { description: "OK", content: { "application/json": { schema: schema(route.response) } } }, ...errors([400, 401, 404]) },
    security: [{}, { bearer: [] }],
  };
}

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) (paths[route.path] ??= {})[route.method] = operation(route);
  return {
    openapi: "3.1.0",
    info: {
      title: "Triangulate",
      version: "0.1.0",
      description:
        "Who claims what in the coverage of a developing story. Lists take limit and cursor and answer {items, total, next}. Errors are {error} naming the field at fault. A server beyond loopback needs its token as a bearer header.",
    },
    paths,
    components: {
      schemas: { Error: schema(s.errorResponse) },
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
    },
  };
}
