// Generated from specs/emulator.openapi.yaml by `npm run gen` (openapi-typescript). Do not edit.

export interface paths {
    "/__emulator/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness probe; 200 once the server accepts requests. */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__emulator/specs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The OpenAPI documents this emulator serves. */
        get: operations["listSpecs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__emulator/specs/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One OpenAPI document, as YAML. */
        get: operations["getSpec"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__emulator/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook endpoints of the request's namespace (X-Emulator-Namespace, else `default`). */
        get: operations["listWebhookEndpoints"];
        put?: never;
        /**
         * Adds an endpoint, as skills.video's dashboard would.
         * @description Every task event of the provider in this namespace is then POSTed to `url` with Standard Webhooks headers (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256>`) signed with `secret` (generated when not given).
         */
        post: operations["addWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__emulator/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["removeWebhookEndpoint"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__emulator/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every callback and webhook sent in the request's namespace, with each attempt. */
        get: operations["listDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A generated image, as linked from provider responses.
         * @description Names are content hashes with the format's extension. Files live in a bounded store (512 MB by default, least recently used dropped first), so an old link can expire as a provider's CDN link would.
         */
        get: operations["getFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Health: {
            /** @constant */
            status: "ok";
            version: string;
            uptime_ms: number;
            providers: {
                /** @enum {string} */
                id: "skills-video" | "oceanbase" | "aivideoapi" | "crun" | "gptproto";
                base_path: string;
            }[];
        };
        SpecList: {
            specs: {
                id: string;
                url: string;
            }[];
        };
        NewWebhookEndpoint: {
            /**
             * @default skills-video
             * @enum {string}
             */
            provider: "skills-video";
            /** Format: uri */
            url: string;
            /** @description Events to send; all when omitted. */
            events?: ("task.created" | "task.started" | "task.completed" | "task.failed" | "task.canceled")[];
            secret?: string;
        };
        WebhookEndpoint: {
            id: string;
            /** @enum {string} */
            provider: "skills-video";
            /** Format: uri */
            url: string;
            events: string[] | null;
            secret: string;
            /** Format: date-time */
            created_at: string;
        };
        WebhookEndpointList: {
            endpoints: components["schemas"]["WebhookEndpoint"][];
        };
        DeliveryList: {
            deliveries: {
                id: string;
                provider: string;
                task_id: string;
                event: string;
                url: string;
                /** @enum {string} */
                status: "pending" | "delivered" | "failed";
                attempts: {
                    attempt: number;
                    /** Format: date-time */
                    at: string;
                    /** @description HTTP status of the answer; null when there was none. */
                    status: number | null;
                    latency_ms: number;
                    /**
                     * @example HTTP 500
                     * @example timeout after 5000 ms
                     * @example ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9
                     */
                    error: string | null;
                    /** @enum {string} */
                    outcome: "delivered" | "retrying" | "failed";
                }[];
            }[];
        };
        EmulatorError: {
            emulator_error: {
                /**
                 * @example invalid_header
                 * @example unknown_header
                 * @example not_found
                 */
                code: string;
                message: string;
                /** @description The header or field at fault. */
                field?: string;
                /** @description The values the field accepts, when they are a closed list. */
                allowed?: string[];
            };
        };
    };
    responses: {
        /** @description Nothing here. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EmulatorError"];
            };
        };
        /** @description The body is not JSON, or an X-Emulator-* header is malformed. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EmulatorError"];
            };
        };
        /** @description A body field is missing or invalid; `field` names it and `allowed` lists its values when they are a closed list. */
        InvalidField: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EmulatorError"];
            };
        };
        /** @description A malformed or unknown `X-Emulator-*` request header, on any route. The body names the header and, where they are a closed list, the values it accepts. */
        BadHeader: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EmulatorError"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The emulator is ready. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    listSpecs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One entry per spec. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SpecList"];
                };
            };
        };
    };
    getSpec: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/yaml": string;
                };
            };
            404: components["responses"]["NotFound"];
        };
    };
    listWebhookEndpoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoints. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointList"];
                };
            };
        };
    };
    addWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "http://127.0.0.1:9000/hooks",
                 *       "events": [
                 *         "task.completed",
                 *         "task.failed"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["NewWebhookEndpoint"];
            };
        };
        responses: {
            /** @description The endpoint, with its secret. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            400: components["responses"]["BadRequest"];
            422: components["responses"]["InvalidField"];
        };
    };
    removeWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            404: components["responses"]["NotFound"];
        };
    };
    listDeliveries: {
        parameters: {
            query?: {
                task_id?: string;
                provider?: "skills-video" | "aivideoapi" | "crun";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deliveries, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryList"];
                };
            };
        };
    };
    getFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image bytes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                    "image/jpeg": string;
                    "image/webp": string;
                };
            };
            404: components["responses"]["NotFound"];
        };
    };
}
