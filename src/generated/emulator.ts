// Generated from specs/emulator.openapi.yaml by `npm run gen` (openapi-typescript). Do not edit.

export interface paths {
    "/__emulator/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness probe; 200 once the server accepts requests and its state store answers.
         * @description A replica that shares its state through Redis (`--redis-url`) is not ready while Redis cannot be reached: it answers 503, so a load balancer or an orchestrator's probe can tell.
         */
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
    "/__emulator/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Forgets one namespace's tasks, journal, credits, keys, faults, webhooks and deliveries, or everything.
         * @description The namespace is the body's `namespace`, else the `X-Emulator-Namespace` header's (`default` included, when the header names it). Everything, images included, is forgotten only when neither the body nor the header names a namespace.
         */
        post: operations["reset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__emulator/journal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Provider requests of the namespace, oldest first (bounded per namespace; the oldest are dropped first).
         * @description Each namespace keeps its own `journal.maxEntries` entries, so a busy namespace never pushes out a quiet one's; at most `journal.maxNamespaces` namespaces are kept, the least recently used forgotten first. Secrets are redacted before anything is stored: secret-named query parameters and body fields (keys, tokens, passwords, signed-URL signatures and credentials) and the same parameters inside URL values, such as a callback URL's `token=`.
         */
        get: operations["listJournal"];
        put?: never;
        post?: never;
        delete: operations["clearJournal"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__emulator/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tasks of the namespace, oldest first. */
        get: operations["listTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__emulator/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getTask"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__emulator/tasks/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ends the task successfully now, skipping what is left of its timing. */
        post: operations["completeTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__emulator/tasks/{id}/fail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Fails the task now with a chosen code (the provider's usual one when omitted); its credits are refunded. */
        post: operations["failTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__emulator/tasks/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancels the task (skills.video reports CANCELED; providers without a canceled state report a failure); its credits are refunded. */
        post: operations["cancelTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__emulator/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Keys of the namespace that have settings. */
        get: operations["listKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__emulator/keys/{provider}/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: components["schemas"]["ProviderId"];
                /** @description The API key */
                key: string;
            };
            cookie?: never;
        };
        /** A key's settings and credits (provisioned with the default balance on first use). */
        get: operations["getKey"];
        /** Changes a key's credits and restrictions; fields left out keep their value, null removes a restriction. */
        put: operations["setKey"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__emulator/errors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each mounted provider's error catalogue: the names X-Emulator-Error and an 'error' fault rule take. */
        get: operations["listErrorCatalogue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__emulator/faults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Fault rules of the namespace, with how often each matched and fired. */
        get: operations["listFaults"];
        put?: never;
        /** Adds a rule; matching requests of the namespace then fail as it says. */
        post: operations["addFault"];
        delete: operations["clearFaults"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__emulator/faults/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["removeFault"];
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
        /** Removes an endpoint of the request's namespace; another namespace's is not found (404). */
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
    "/__emulator/deliveries/{id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sends a finished delivery once more, now, as one more attempt of it.
         * @description The same body to the same URL with fresh headers (a signature carries a fresh timestamp), never retried: its attempt is `delivered` or `failed`, and so becomes the delivery's status. Bodies of the most recent deliveries are kept for this (32 MB of them); an older one is gone (410).
         */
        post: operations["redeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__emulator/namespaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Namespaces that hold state (requests, tasks, keys, faults, webhooks or deliveries), sorted; `default` always. */
        get: operations["listNamespaces"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__emulator/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What changes, as server-sent events, for live views (the dashboard).
         * @description Every namespace's changes. Each `change` event's data is `{"topic":"journal"|"tasks"|"deliveries"|"faults"|"keys"|"webhooks"|"namespaces","namespace":"<name>"|null}` (null after a full reset), at most one per topic and namespace each 100 ms; a reader refetches what the topic names. A `: ping` comment comes every 15 s.
         */
        get: operations["streamChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__emulator/ui": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The dashboard, as HTML; `GET /` redirects here. */
        get: operations["getDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__emulator/assets/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The dashboard's and the reference's script and style, built by `npm run build`. */
        get: operations["getAsset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__emulator/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The API reference, as HTML, listing every spec with its title. */
        get: operations["getDocsIndex"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__emulator/docs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One spec rendered by Redoc, `x-emulator-inferred` points shown.
         * @description A page shell that loads Redoc from `/__emulator/assets/redoc.standalone.js` (built by `npm run build`) and a start script from `/__emulator/docs/init.js`, which fetches `/__emulator/docs/{id}/spec.json`. Nothing is loaded from outside the emulator; the page sends a same-origin `content-security-policy`.
         */
        get: operations["getDocs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__emulator/docs/{id}/spec.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One spec as JSON, its servers pointed at this emulator.
         * @description The spec of `/__emulator/specs/{id}.openapi.yaml` as JSON, with the emulator's server entry first and set to `<origin>/{id}` (the origin alone for `emulator`), origin being EMULATOR_PUBLIC_URL when set, else the request's own; the real services' entries follow.
         */
        get: operations["getDocsSpec"];
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
        /**
         * @description A provider's id, which is also its mount path. The list is the emulator's own (`src/providers/index.ts`); `GET /__emulator/health` names the mounted ones.
         * @example gptproto
         */
        ProviderId: string;
        Health: {
            /**
             * @description `unavailable` while the shared state store cannot be reached.
             * @enum {string}
             */
            status: "ok" | "unavailable";
            version: string;
            uptime_ms: number;
            providers: {
                id: components["schemas"]["ProviderId"];
                base_path: string;
            }[];
            /** @description Where the emulator keeps its state. */
            state: {
                /**
                 * @description `redis` when replicas share their state (`--redis-url`).
                 * @enum {string}
                 */
                store: "memory" | "redis";
                /** @description This replica's id among those sharing the store (redis only). */
                replica?: string;
            };
        };
        SpecList: {
            specs: {
                id: string;
                url: string;
            }[];
        };
        JournalList: {
            entries: {
                /** @description The request's x-request-id. */
                id: string;
                /** Format: date-time */
                at: string;
                namespace: string;
                provider: string | null;
                method: string;
                /** @description Path under the provider's mount. */
                path: string;
                /** @description The query string; values of secret-named parameters replaced by `REDACTED`. */
                query: string;
                /** @description The status answered; null when a fault dropped the connection without a reply (reset, empty). */
                status: number | null;
                latency_ms: number;
                /** @description The fault that fired on this request, if any. */
                fault: null | {
                    /** @description The fault rules that fired. */
                    rule_ids: string[];
                    /** @description Whether X-Emulator-Error / -Latency / -Fault headers asked for it. */
                    header: boolean;
                    /**
                     * @description What it did
                     * @example error rate_limit_exceeded
                     * @example latency 100-400 ms
                     * @example reset
                     * @example task fails while running
                     */
                    action: string;
                };
                /** @description Request headers; credentials (authorization, x-api-key, api-key, cookies, *-token) cut to their first characters. */
                headers: {
                    [key: string]: string;
                };
                /** @description The request body redacted and summarized: secret-named fields `REDACTED`, JSON with strings over 200 characters cut (length noted); multipart as fields with files as {file, type, bytes}; null when empty. */
                body: unknown;
            }[];
        };
        Task: {
            id: string;
            provider: components["schemas"]["ProviderId"];
            namespace: string;
            /** @enum {string} */
            state: "queued" | "running" | "succeeded" | "failed" | "canceled";
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            completed_at: string | null;
            timing: {
                queue_ms: number;
                run_ms: number;
            };
            prompt: string;
            size: string;
            charge: number;
            /** @description The callback URL, secret-named query parameters (`token=`, signatures) replaced by `REDACTED`. */
            callback_url: string | null;
            images: {
                url: string;
                width: number;
                height: number;
                /** @enum {string} */
                format: "png" | "jpeg" | "webp";
            }[];
            failure: {
                code: string;
                message: string;
            } | null;
        };
        KeyPatch: {
            /** @description The new balance, as one number (subscription credits) or split. */
            credits?: number | {
                subscription: number;
                permanent?: number;
            };
            /** @description A disabled key gets the provider's 401. */
            disabled?: boolean;
            /** @description IPs or CIDR ranges; others get the provider's 403 (aivideoapi ip_not_allowed). */
            ip_allowlist?: string[] | null;
            /** @description Credits a key may consume per hour, per day and in total; past them aivideoapi answers 429 spend_limit_exceeded (others their insufficient-credits error). */
            spend_limits?: {
                hourly?: number;
                daily?: number;
                total?: number;
            } | null;
            /** @description A token bucket for this key (overrides the global rateLimit config); past it the provider's 429 with retry-after and x-ratelimit-* headers. */
            rate_limit?: {
                capacity: number;
                refill_per_second: number;
            } | null;
        };
        Key: {
            provider: components["schemas"]["ProviderId"];
            /** @description The key cut to its first characters, as the journal shows it: the control plane never echoes a whole secret. */
            key: string;
            namespace: string;
            disabled: boolean;
            ip_allowlist: string[] | null;
            spend_limits: {
                hourly?: number;
                daily?: number;
                total?: number;
            } | null;
            rate_limit: {
                capacity: number;
                refill_per_second: number;
            } | null;
            credits: {
                balance: number;
                subscription: number;
                permanent: number;
                purchased: number;
                consumed: number;
            };
        };
        /** @description At least one of `error`, `latency_ms` and `fault`. */
        NewFaultRule: {
            match?: {
                provider?: components["schemas"]["ProviderId"];
                /** @enum {string} */
                method?: "GET" | "POST" | "PUT" | "DELETE";
                /** @description Substring of the path under the mount. */
                path?: string;
                key?: string;
                /** @description Case-insensitive substring of the prompt. */
                prompt_contains?: string;
            };
            /** @description An entry of the provider's error catalogue (needs match.provider); the same names X-Emulator-Error takes. */
            error?: string;
            latency_ms?: number | number[];
            /** @description Comma-separated tokens, as in X-Emulator-Fault: reset, empty, truncate, malformed, stream-cut:<events>, task-fail:<queued|running>[:<code>], callback-fail:<attempts>, callback-duplicate, callback-out-of-order. */
            fault?: string;
            /**
             * @description Drawn from a generator seeded by the emulator seed and the rule id
             * @default 1
             */
            probability: number;
            /** @description Fire only the first N times. */
            times?: number;
        };
        FaultRule: {
            id: string;
            match: {
                provider?: components["schemas"]["ProviderId"];
                method?: string;
                path?: string;
                /** @description The key cut to its first characters. */
                key?: string;
                prompt_contains?: string;
            };
            plan: {
                error?: string;
                latency_ms?: number[];
                connection?: string;
                task_failure?: {
                    /** @enum {string} */
                    stage: "queued" | "running";
                    code?: string;
                };
                callback?: {
                    fail_first?: number;
                    duplicate?: boolean;
                    out_of_order?: boolean;
                };
            };
            probability: number;
            times: number | null;
            matched: number;
            fired: number;
        };
        NewWebhookEndpoint: {
            /**
             * @description A provider whose webhooks are set out of band (today skills-video, the default).
             * @default skills-video
             */
            provider: components["schemas"]["ProviderId"];
            /** Format: uri */
            url: string;
            /** @description Events to send; all when omitted. */
            events?: ("task.created" | "task.started" | "task.completed" | "task.failed" | "task.canceled")[];
            secret?: string;
        };
        WebhookEndpoint: {
            id: string;
            provider: components["schemas"]["ProviderId"];
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
            deliveries: components["schemas"]["Delivery"][];
        };
        Delivery: {
            id: string;
            provider: string;
            task_id: string;
            event: string;
            /** @description Where it was sent, secret-named query parameters (`token=`) replaced by `REDACTED`. */
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
        };
        ErrorCatalogue: {
            providers: {
                id: components["schemas"]["ProviderId"];
                errors: string[];
            }[];
        };
        Redelivery: {
            delivery: components["schemas"]["Delivery"];
        };
        NamespaceList: {
            namespaces: {
                name: string;
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
        /** @description An admin token is set (`EMULATOR_ADMIN_TOKEN`) and the request does not carry it as `Authorization: Bearer <token>` (or as the password of HTTP Basic, for a browser). Only health is open. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "emulator_error": {
                 *         "code": "unauthorized",
                 *         "message": "The control plane needs Authorization: Bearer <admin token> (EMULATOR_ADMIN_TOKEN).",
                 *         "field": "authorization"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["EmulatorError"];
            };
        };
        /** @description The body is over `limits.controlBodyBytes` (1 MB by default); it is refused before it is read, and the connection is closed. */
        TooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "emulator_error": {
                 *         "code": "body_too_large",
                 *         "message": "Request body too large. The maximum size is 1048576 bytes."
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["EmulatorError"];
            };
        };
        /** @description A body field is missing or invalid; `field` names it and `allowed` lists its values when they are a closed list. */
        InvalidField: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "emulator_error": {
                 *         "code": "invalid_field",
                 *         "message": "Invalid 'credits': Too small: expected number to be >=0.",
                 *         "field": "credits"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["EmulatorError"];
            };
        };
        /** @description A malformed or unknown `X-Emulator-*` request header, on any route. The body names the header and, where they are a closed list, the values it accepts. */
        BadHeader: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "emulator_error": {
                 *         "code": "invalid_header",
                 *         "message": "Invalid X-Emulator-Error 'rate_limited' for this provider.",
                 *         "field": "X-Emulator-Error",
                 *         "allowed": [
                 *           "unauthorized",
                 *           "permission_denied",
                 *           "model_disabled",
                 *           "content_policy_violation",
                 *           "rate_limit_exceeded",
                 *           "internal_error",
                 *           "service_unavailable"
                 *         ]
                 *       }
                 *     }
                 */
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
                    /**
                     * @example {
                     *       "status": "ok",
                     *       "version": "0.1.0",
                     *       "uptime_ms": 439,
                     *       "providers": [
                     *         {
                     *           "id": "skills-video",
                     *           "base_path": "/skills-video"
                     *         },
                     *         {
                     *           "id": "oceanbase",
                     *           "base_path": "/oceanbase"
                     *         },
                     *         {
                     *           "id": "aivideoapi",
                     *           "base_path": "/aivideoapi"
                     *         },
                     *         {
                     *           "id": "crun",
                     *           "base_path": "/crun"
                     *         },
                     *         {
                     *           "id": "gptproto",
                     *           "base_path": "/gptproto"
                     *         },
                     *         {
                     *           "id": "openai",
                     *           "base_path": "/openai"
                     *         }
                     *       ],
                     *       "state": {
                     *         "store": "memory"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description The replica's shared state store (Redis) cannot be reached; it reconnects on its own. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "unavailable",
                     *       "version": "0.1.0",
                     *       "uptime_ms": 81234,
                     *       "providers": [
                     *         {
                     *           "id": "aivideoapi",
                     *           "base_path": "/aivideoapi"
                     *         }
                     *       ],
                     *       "state": {
                     *         "store": "redis",
                     *         "replica": "emulator-1-7-3f9a2c"
                     *       }
                     *     }
                     */
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
                    /**
                     * @example {
                     *       "specs": [
                     *         {
                     *           "id": "emulator",
                     *           "url": "/__emulator/specs/emulator.openapi.yaml"
                     *         },
                     *         {
                     *           "id": "skills-video",
                     *           "url": "/__emulator/specs/skills-video.openapi.yaml"
                     *         },
                     *         {
                     *           "id": "oceanbase",
                     *           "url": "/__emulator/specs/oceanbase.openapi.yaml"
                     *         },
                     *         {
                     *           "id": "aivideoapi",
                     *           "url": "/__emulator/specs/aivideoapi.openapi.yaml"
                     *         },
                     *         {
                     *           "id": "crun",
                     *           "url": "/__emulator/specs/crun.openapi.yaml"
                     *         },
                     *         {
                     *           "id": "gptproto",
                     *           "url": "/__emulator/specs/gptproto.openapi.yaml"
                     *         },
                     *         {
                     *           "id": "openai",
                     *           "url": "/__emulator/specs/openai.openapi.yaml"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["SpecList"];
                };
            };
            401: components["responses"]["Unauthorized"];
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
                    /**
                     * @example openapi: 3.1.0
                     *     info:
                     *       title: GPTProto images API (gpt-image-2), as emulated
                     *       version: 2026-11-22
                     *     # ... the rest of specs/gptproto.openapi.yaml, as stored
                     */
                    "application/yaml": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    reset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "namespace": "test-42"
                 *     }
                 */
                "application/json": {
                    /** @description Only this namespace; when omitted */
                    namespace?: string;
                };
            };
        };
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The namespace reset */
                        reset: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidField"];
        };
    };
    listJournal: {
        parameters: {
            query?: {
                provider?: components["schemas"]["ProviderId"];
                /** @description Substring of the path under the mount. */
                path?: string;
                method?: string;
                /** @description Only the newest N. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "entries": [
                     *         {
                     *           "id": "req_8820b9c01cf296bbead66ef541766b80",
                     *           "at": "2026-11-30T00:00:57.463Z",
                     *           "namespace": "default",
                     *           "provider": "aivideoapi",
                     *           "method": "POST",
                     *           "path": "/v1/images/generations",
                     *           "query": "",
                     *           "status": 200,
                     *           "latency_ms": 1,
                     *           "fault": null,
                     *           "headers": {
                     *             "accept": "*\/*",
                     *             "authorization": "Bearer sk-tes…",
                     *             "content-length": "122",
                     *             "content-type": "application/json",
                     *             "host": "127.0.0.1:4010",
                     *             "user-agent": "curl/7.88.1",
                     *             "x-emulator-timing": "realistic"
                     *           },
                     *           "body": {
                     *             "model": "gpt-image-2",
                     *             "callback_url": "http://127.0.0.1:9000/callback",
                     *             "input": {
                     *               "prompt": "a lighthouse",
                     *               "aspect_ratio": "3:2"
                     *             }
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["JournalList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    clearJournal: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cleared for the namespace. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    listTasks: {
        parameters: {
            query?: {
                provider?: components["schemas"]["ProviderId"];
                state?: "queued" | "running" | "succeeded" | "failed" | "canceled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tasks. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "tasks": [
                     *         {
                     *           "id": "42d23918-8ca7-432a-9fc7-56589da3b84f",
                     *           "provider": "aivideoapi",
                     *           "namespace": "default",
                     *           "state": "queued",
                     *           "created_at": "2026-11-30T00:00:56.431Z",
                     *           "started_at": null,
                     *           "completed_at": null,
                     *           "timing": {
                     *             "queue_ms": 3846,
                     *             "run_ms": 27552
                     *           },
                     *           "prompt": "a red fox",
                     *           "size": "1536x1024",
                     *           "charge": 4.7,
                     *           "callback_url": "http://127.0.0.1:9000/callback",
                     *           "images": [],
                     *           "failure": null
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        tasks: components["schemas"]["Task"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
        };
    };
    getTask: {
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
            /** @description The task. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "42d23918-8ca7-432a-9fc7-56589da3b84f",
                     *       "provider": "aivideoapi",
                     *       "namespace": "default",
                     *       "state": "queued",
                     *       "created_at": "2026-11-30T00:00:56.431Z",
                     *       "started_at": null,
                     *       "completed_at": null,
                     *       "timing": {
                     *         "queue_ms": 3846,
                     *         "run_ms": 27552
                     *       },
                     *       "prompt": "a red fox",
                     *       "size": "1536x1024",
                     *       "charge": 4.7,
                     *       "callback_url": "http://127.0.0.1:9000/callback",
                     *       "images": [],
                     *       "failure": null
                     *     }
                     */
                    "application/json": components["schemas"]["Task"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    completeTask: {
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
            /** @description The task (unchanged if it had already ended). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "42d23918-8ca7-432a-9fc7-56589da3b84f",
                     *       "provider": "aivideoapi",
                     *       "namespace": "default",
                     *       "state": "succeeded",
                     *       "created_at": "2026-11-30T00:00:56.431Z",
                     *       "started_at": "2026-11-30T00:00:58.059Z",
                     *       "completed_at": "2026-11-30T00:00:58.060Z",
                     *       "timing": {
                     *         "queue_ms": 3846,
                     *         "run_ms": 27552
                     *       },
                     *       "prompt": "a red fox",
                     *       "size": "1536x1024",
                     *       "charge": 4.7,
                     *       "callback_url": "http://127.0.0.1:9000/callback",
                     *       "images": [
                     *         {
                     *           "url": "http://127.0.0.1:4010/files/608c55d7f2b8732638aa4f2a817b9d43.png",
                     *           "width": 1536,
                     *           "height": 1024,
                     *           "format": "png"
                     *         }
                     *       ],
                     *       "failure": null
                     *     }
                     */
                    "application/json": components["schemas"]["Task"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    failTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "code": "upstream_error",
                 *       "message": "upstream timeout"
                 *     }
                 */
                "application/json": {
                    /**
                     * @example 501
                     * @example upstream_error
                     * @example IMAGE_GENERATION_FAILED
                     */
                    code?: string;
                    message?: string;
                };
            };
        };
        responses: {
            /** @description The task. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "a32f5d5f-fc6b-4335-8034-e1527632e37a",
                     *       "provider": "aivideoapi",
                     *       "namespace": "default",
                     *       "state": "failed",
                     *       "created_at": "2026-11-30T00:00:56.937Z",
                     *       "started_at": null,
                     *       "completed_at": "2026-11-30T00:00:58.231Z",
                     *       "timing": {
                     *         "queue_ms": 2723,
                     *         "run_ms": 32603
                     *       },
                     *       "prompt": "a storm",
                     *       "size": "1536x1024",
                     *       "charge": 4.7,
                     *       "callback_url": "http://127.0.0.1:9000/callback",
                     *       "images": [],
                     *       "failure": {
                     *         "code": "upstream_error",
                     *         "message": "upstream timeout"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Task"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidField"];
        };
    };
    cancelTask: {
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
            /** @description The task. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "01828f4f-481f-41c6-8eae-f686b6dc794c",
                     *       "provider": "aivideoapi",
                     *       "namespace": "default",
                     *       "state": "canceled",
                     *       "created_at": "2026-11-30T00:00:57.464Z",
                     *       "started_at": null,
                     *       "completed_at": "2026-11-30T00:00:58.307Z",
                     *       "timing": {
                     *         "queue_ms": 3962,
                     *         "run_ms": 54579
                     *       },
                     *       "prompt": "a lighthouse",
                     *       "size": "1536x1024",
                     *       "charge": 4.7,
                     *       "callback_url": "http://127.0.0.1:9000/callback",
                     *       "images": [],
                     *       "failure": null
                     *     }
                     */
                    "application/json": components["schemas"]["Task"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The keys. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "keys": [
                     *         {
                     *           "provider": "aivideoapi",
                     *           "key": "sk-tes…",
                     *           "namespace": "default",
                     *           "disabled": false,
                     *           "ip_allowlist": [
                     *             "10.0.0.0/8"
                     *           ],
                     *           "spend_limits": {
                     *             "hourly": 20
                     *           },
                     *           "rate_limit": {
                     *             "capacity": 2,
                     *             "refill_per_second": 0.5
                     *           },
                     *           "credits": {
                     *             "balance": 10,
                     *             "subscription": 10,
                     *             "permanent": 0,
                     *             "purchased": 1000,
                     *             "consumed": 4.7
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        keys: components["schemas"]["Key"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    getKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: components["schemas"]["ProviderId"];
                /** @description The API key */
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "provider": "aivideoapi",
                     *       "key": "sk-tes…",
                     *       "namespace": "default",
                     *       "disabled": false,
                     *       "ip_allowlist": [
                     *         "10.0.0.0/8"
                     *       ],
                     *       "spend_limits": {
                     *         "hourly": 20
                     *       },
                     *       "rate_limit": {
                     *         "capacity": 2,
                     *         "refill_per_second": 0.5
                     *       },
                     *       "credits": {
                     *         "balance": 10,
                     *         "subscription": 10,
                     *         "permanent": 0,
                     *         "purchased": 1000,
                     *         "consumed": 4.7
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Key"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    setKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: components["schemas"]["ProviderId"];
                /** @description The API key */
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "credits": 10,
                 *       "ip_allowlist": [
                 *         "10.0.0.0/8"
                 *       ],
                 *       "spend_limits": {
                 *         "hourly": 20
                 *       },
                 *       "rate_limit": {
                 *         "capacity": 2,
                 *         "refill_per_second": 0.5
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["KeyPatch"];
            };
        };
        responses: {
            /** @description The key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "provider": "aivideoapi",
                     *       "key": "sk-tes…",
                     *       "namespace": "default",
                     *       "disabled": false,
                     *       "ip_allowlist": [
                     *         "10.0.0.0/8"
                     *       ],
                     *       "spend_limits": {
                     *         "hourly": 20
                     *       },
                     *       "rate_limit": {
                     *         "capacity": 2,
                     *         "refill_per_second": 0.5
                     *       },
                     *       "credits": {
                     *         "balance": 10,
                     *         "subscription": 10,
                     *         "permanent": 0,
                     *         "purchased": 1000,
                     *         "consumed": 4.7
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Key"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidField"];
        };
    };
    listErrorCatalogue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The catalogue, by provider, in the order of the providers' list. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "providers": [
                     *         {
                     *           "id": "gptproto",
                     *           "errors": [
                     *             "rate_limit_exceeded",
                     *             "insufficient_balance",
                     *             "server_error"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorCatalogue"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    listFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rules. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "faults": [
                     *         {
                     *           "id": "fault_1",
                     *           "match": {
                     *             "provider": "gptproto",
                     *             "path": "/v1/images/generations"
                     *           },
                     *           "plan": {
                     *             "error": "rate_limit_exceeded"
                     *           },
                     *           "probability": 1,
                     *           "times": 1,
                     *           "matched": 0,
                     *           "fired": 0
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        faults: components["schemas"]["FaultRule"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    addFault: {
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
                 *       "match": {
                 *         "provider": "gptproto",
                 *         "path": "/v1/images/generations"
                 *       },
                 *       "error": "rate_limit_exceeded",
                 *       "times": 1
                 *     }
                 */
                "application/json": components["schemas"]["NewFaultRule"];
            };
        };
        responses: {
            /** @description The rule. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "fault_1",
                     *       "match": {
                     *         "provider": "gptproto",
                     *         "path": "/v1/images/generations"
                     *       },
                     *       "plan": {
                     *         "error": "rate_limit_exceeded"
                     *       },
                     *       "probability": 1,
                     *       "times": 1,
                     *       "matched": 0,
                     *       "fired": 0
                     *     }
                     */
                    "application/json": components["schemas"]["FaultRule"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["TooLarge"];
            422: components["responses"]["InvalidField"];
        };
    };
    clearFaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every rule of the namespace removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    removeFault: {
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
            401: components["responses"]["Unauthorized"];
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
                    /**
                     * @example {
                     *       "endpoints": [
                     *         {
                     *           "id": "ep_72e36c165dd23e323eaff63c",
                     *           "provider": "skills-video",
                     *           "url": "http://127.0.0.1:9000/hooks",
                     *           "events": [
                     *             "task.completed",
                     *             "task.failed"
                     *           ],
                     *           "secret": "whsec_JKtXcnBDPiT/OnsF217YF555bhvljLQf",
                     *           "created_at": "2026-11-30T00:01:03.761Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookEndpointList"];
                };
            };
            401: components["responses"]["Unauthorized"];
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
                    /**
                     * @example {
                     *       "id": "ep_72e36c165dd23e323eaff63c",
                     *       "provider": "skills-video",
                     *       "url": "http://127.0.0.1:9000/hooks",
                     *       "events": [
                     *         "task.completed",
                     *         "task.failed"
                     *       ],
                     *       "secret": "whsec_JKtXcnBDPiT/OnsF217YF555bhvljLQf",
                     *       "created_at": "2026-11-30T00:01:03.761Z"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["TooLarge"];
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
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    listDeliveries: {
        parameters: {
            query?: {
                task_id?: string;
                provider?: components["schemas"]["ProviderId"];
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
                    /**
                     * @example {
                     *       "deliveries": [
                     *         {
                     *           "id": "cb_9337b9c579fc10ec6b12e874",
                     *           "provider": "aivideoapi",
                     *           "task_id": "42d23918-8ca7-432a-9fc7-56589da3b84f",
                     *           "event": "task.completed",
                     *           "url": "http://127.0.0.1:9000/callback",
                     *           "status": "delivered",
                     *           "attempts": [
                     *             {
                     *               "attempt": 1,
                     *               "at": "2026-11-30T00:00:58.063Z",
                     *               "status": 200,
                     *               "latency_ms": 161,
                     *               "error": null,
                     *               "outcome": "delivered"
                     *             }
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["DeliveryList"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    redeliver: {
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
            /** @description Queued; the delivery is `pending` until the attempt ends. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "delivery": {
                     *         "id": "cb_9337b9c579fc10ec6b12e874",
                     *         "provider": "aivideoapi",
                     *         "task_id": "42d23918-8ca7-432a-9fc7-56589da3b84f",
                     *         "event": "task.completed",
                     *         "url": "http://127.0.0.1:9000/callback",
                     *         "status": "pending",
                     *         "attempts": [
                     *           {
                     *             "attempt": 1,
                     *             "at": "2026-11-30T00:00:58.063Z",
                     *             "status": 200,
                     *             "latency_ms": 161,
                     *             "error": null,
                     *             "outcome": "delivered"
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Redelivery"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            /** @description The delivery is still pending (its own attempts are not over). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "emulator_error": {
                     *         "code": "delivery_pending",
                     *         "message": "Delivery 'cb_9337b9c579fc10ec6b12e874' is still being delivered: redeliver it once it has finished.",
                     *         "field": "id"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["EmulatorError"];
                };
            };
            /** @description The delivery is too old: its body is no longer kept. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "emulator_error": {
                     *         "code": "delivery_forgotten",
                     *         "message": "Delivery 'cb_9337b9c579fc10ec6b12e874' is too old to send again: its body is no longer kept.",
                     *         "field": "id"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["EmulatorError"];
                };
            };
        };
    };
    listNamespaces: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The namespaces. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "namespaces": [
                     *         {
                     *           "name": "default"
                     *         },
                     *         {
                     *           "name": "test-42"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["NamespaceList"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    streamChanges: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An endless event stream. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example event: change
                     *     data: {"topic":"journal","namespace":"default"}
                     */
                    "text/event-stream": string;
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    getDashboard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An HTML page; its script and style are served under `/__emulator/assets/`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example <!doctype html>
                     *     <html lang="en">
                     *     <head>
                     *     <meta charset="utf-8">
                     *     <meta name="viewport" content="width=device-width, initial-scale=1">
                     *     <title>gpt-image-emulator dashboard</title>
                     *     <link rel="stylesheet" href="/__emulator/assets/dashboard.css">
                     *     <script type="module" src="/__emulator/assets/dashboard.js"></script>
                     *     </head>
                     *     <body>
                     *     <div id="app"></div>
                     *     <noscript>The dashboard needs JavaScript. The same data is in the control-plane API: GET /__emulator/journal, /__emulator/tasks, /__emulator/deliveries, /__emulator/faults and /__emulator/keys.</noscript>
                     *     </body>
                     *     </html>
                     */
                    "text/html": string;
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    getAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file: "dashboard.js" | "dashboard.css" | "redoc.standalone.js";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file; `cache-control` no-cache, since a build rewrites it in place. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example /* the dashboard bundle *\/ */
                    "text/javascript": string;
                    /** @example body { margin: 0 } */
                    "text/css": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            /** @description Running from source before a build; the message says to run `npm run build`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "emulator_error": {
                     *         "code": "assets_not_built",
                     *         "message": "The asset 'dashboard.js' has not been built: run npm run build."
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["EmulatorError"];
                };
            };
        };
    };
    getDocsIndex: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An HTML page. */
            200: {
                headers: {
                    "content-security-policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    getDocs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `emulator`, or a provider id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An HTML page. */
            200: {
                headers: {
                    "content-security-policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    getDocsSpec: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description `emulator`, or a provider id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An OpenAPI 3.1 document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        openapi: string;
                        servers: {
                            url: string;
                        }[];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
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
                    /** @example <the PNG bytes> */
                    "image/png": string;
                    /** @example <the JPEG bytes> */
                    "image/jpeg": string;
                    /** @example <the WebP bytes> */
                    "image/webp": string;
                };
            };
            404: components["responses"]["NotFound"];
        };
    };
}
