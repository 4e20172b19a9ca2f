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
    "/__emulator/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The API reference, as HTML, listing every spec. */
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
        /** One spec as a readable HTML page, inferred points flagged. */
        get: operations["getDocs"];
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
            /** @constant */
            status: "ok";
            version: string;
            uptime_ms: number;
            providers: {
                id: components["schemas"]["ProviderId"];
                base_path: string;
            }[];
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
                provider: string | null;
                method: string;
                /** @description Path under the provider's mount. */
                path: string;
                /** @description The query string; values of secret-named parameters replaced by `REDACTED`. */
                query: string;
                status: number;
                latency_ms: number;
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
            deliveries: {
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
        /** @description An admin token is set (`EMULATOR_ADMIN_TOKEN`) and the request does not carry it as `Authorization: Bearer <token>`. Only health is open. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EmulatorError"];
            };
        };
        /** @description The body is over `limits.controlBodyBytes` (1 MB by default); it is refused before it is read, and the connection is closed. */
        TooLarge: {
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
                    "application/json": components["schemas"]["DeliveryList"];
                };
            };
            401: components["responses"]["Unauthorized"];
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
