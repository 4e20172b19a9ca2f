// Generated from specs/aivideoapi.openapi.yaml by `npm run gen` (openapi-typescript). Do not edit.

export interface paths {
    "/v1/images/generations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a gpt-image-2 task (text to image, or image to image with image_urls) */
        post: operations["createTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{taskId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Poll a task */
        get: operations["getTask"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/credits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Credit balance of the key's account */
        get: operations["getCredits"];
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
         * @description `auto` (treated as 1:1), one of 15 ratios, or an explicit pixel size from the
         *     Size & Resolution table (e.g. `1881x836`), which then decides the size by itself.
         * @default auto
         */
        AspectRatio: string | ("auto" | "1:1" | "3:2" | "2:3" | "4:3" | "3:4" | "5:4" | "4:5" | "16:9" | "9:16" | "2:1" | "1:2" | "3:1" | "1:3" | "21:9" | "9:21");
        CreateTaskRequest: {
            /** @description Must be `gpt-image-2`; another value gets 404 model_not_found. */
            model: string;
            /** @description At least one of `prompt` and `image_urls`. Fields the docs do not list are ignored. */
            input: {
                prompt?: string;
                /** @description Reference images; their presence makes the task image-to-image. The emulator does not download them. */
                image_urls?: string[];
                /** @default auto */
                aspect_ratio: components["schemas"]["AspectRatio"];
                /**
                 * @description Tier; with aspect_ratio it decides the pixels (the docs' Size & Resolution table). Where the 1k tier lists two sizes the first is used (config aivideoapi.oneKSize). Prices: 4.7 / 9.4 / 14.1 credits (config aivideoapi.prices).
                 * @default 1k
                 * @enum {string}
                 */
                resolution: "1k" | "2k" | "4k";
                /**
                 * @description Safety check. When on, a prompt with a configured trigger term makes the task fail with upstream_error (and be refunded); when off, it is not checked.
                 * @default true
                 */
                nsfw_checker: boolean;
            };
            /**
             * Format: uri
             * @description Receives a POST with the task when it completes or fails.
             */
            callback_url?: string;
        };
        CreateTaskResponse: {
            /** @constant */
            code: 200;
            /** @constant */
            msg: "success";
            data: {
                /** Format: uuid */
                taskId: string;
            };
        };
        /** @description A task in any state; `status` tells which fields are present. */
        Task: components["schemas"]["UnfinishedTask"] | components["schemas"]["CompletedTask"] | components["schemas"]["FailedTask"];
        TaskBase: {
            /** Format: uuid */
            id: string;
            /** @constant */
            model: "gpt-image-2";
            /** @description Unix seconds. */
            created_at: number;
        };
        UnfinishedTask: components["schemas"]["TaskBase"] & {
            /** @enum {unknown} */
            status: "pending" | "processing";
            /** @description Always null, as in the docs' processing example. */
            progress: null;
        };
        CompletedTask: components["schemas"]["TaskBase"] & {
            /** @constant */
            status: "completed";
            /** @description Unix seconds. */
            completed_at: number;
            output: {
                /** @description The image, served by the emulator under /files/ (EMULATOR_PUBLIC_URL, else the creating request's origin). */
                urls: string[];
                metadata: {
                    /** @enum {unknown} */
                    model: "gpt-image-2-text-to-image" | "gpt-image-2-image-to-image";
                    /** @description Seconds the task ran. */
                    costTime: number;
                };
            };
        };
        FailedTask: components["schemas"]["TaskBase"] & {
            /** @constant */
            status: "failed";
            error: {
                /** @example upstream_error */
                code: string;
                message: string;
            };
        };
        CreditsResponse: {
            /** @constant */
            code: 200;
            /** @constant */
            msg: "success";
            data: {
                balance: number;
                total_purchased: number;
                total_consumed: number;
            };
        };
        Error: {
            error: {
                /** @enum {unknown} */
                code: "invalid_request" | "invalid_api_key" | "insufficient_credits" | "ip_not_allowed" | "model_not_found" | "task_not_found" | "rate_limit_exceeded" | "spend_limit_exceeded" | "internal_error" | "upstream_error";
                message: string;
                /** @enum {unknown} */
                type: "invalid_request_error" | "authentication_error" | "billing_error" | "permission_error" | "rate_limit_error" | "api_error" | "upstream_error";
            };
        };
    };
    responses: {
        /** @description Missing or invalid parameters (invalid_request / invalid_request_error), or a body over the limit. */
        InvalidRequest: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "invalid_request",
                 *         "message": "'model' is required.",
                 *         "type": "invalid_request_error"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body is over the emulator's limit (1 MB by default, config limits.jsonBodyBytes). */
        PayloadTooLarge: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "invalid_request",
                 *         "message": "Request body too large. The maximum size is 1048576 bytes.",
                 *         "type": "invalid_request_error"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The key is missing, does not start with `sk-`, or is disabled or deleted. */
        InvalidApiKey: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "invalid_api_key",
                 *         "message": "Invalid API key.",
                 *         "type": "authentication_error"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The balance does not cover the task's price. */
        InsufficientCredits: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "insufficient_credits",
                 *         "message": "Your credit balance is too low. Please top up.",
                 *         "type": "billing_error"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The request's IP is not in the key's allowlist. */
        IpNotAllowed: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "ip_not_allowed",
                 *         "message": "Request IP is not in the key's allowlist.",
                 *         "type": "permission_error"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The model does not exist or is inactive. */
        ModelNotFound: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "model_not_found",
                 *         "message": "Model does not exist or is inactive.",
                 *         "type": "invalid_request_error"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No task with this id for this key. */
        TaskNotFound: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "task_not_found",
                 *         "message": "Task not found.",
                 *         "type": "invalid_request_error"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Too many requests (rate_limit_exceeded), or the key's spend limit is reached (spend_limit_exceeded). */
        TooManyRequests: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                "retry-after": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Unexpected server error. */
        InternalError: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "internal_error",
                 *         "message": "Unexpected server error.",
                 *         "type": "api_error"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The upstream AI provider returned an error. */
        UpstreamError: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "code": "upstream_error",
                 *         "message": "Upstream AI provider returned an error.",
                 *         "type": "upstream_error"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description Identifies the request. */
        RequestId: string;
        /** @description Seconds to wait before retrying. */
        RetryAfter: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createTask: {
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
                 *       "model": "gpt-image-2",
                 *       "callback_url": "https://your-server.com/webhook",
                 *       "input": {
                 *         "prompt": "A cinematic night city poster with neon reflections on a rainy street.",
                 *         "aspect_ratio": "16:9",
                 *         "nsfw_checker": true
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["CreateTaskRequest"];
            };
        };
        responses: {
            /** @description The task was created; its credits are charged now and refunded if it fails. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 200,
                     *       "msg": "success",
                     *       "data": {
                     *         "taskId": "397ce9f2-c04e-4244-ac33-3af19a7cc297"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CreateTaskResponse"];
                };
            };
            400: components["responses"]["InvalidRequest"];
            401: components["responses"]["InvalidApiKey"];
            402: components["responses"]["InsufficientCredits"];
            403: components["responses"]["IpNotAllowed"];
            404: components["responses"]["ModelNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["UpstreamError"];
        };
    };
    getTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                taskId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task, not wrapped in `{code,msg,data}`. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            401: components["responses"]["InvalidApiKey"];
            403: components["responses"]["IpNotAllowed"];
            404: components["responses"]["TaskNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getCredits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The balance, with every charge and refund already applied. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 200,
                     *       "msg": "success",
                     *       "data": {
                     *         "balance": 9800,
                     *         "total_purchased": 10000,
                     *         "total_consumed": 200
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CreditsResponse"];
                };
            };
            401: components["responses"]["InvalidApiKey"];
            403: components["responses"]["IpNotAllowed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
}
