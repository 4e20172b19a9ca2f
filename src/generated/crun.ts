// Generated from specs/crun.openapi.yaml by `npm run gen` (openapi-typescript). Do not edit.

export interface paths {
    "/api/v1/client/job/CreateTask": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a gpt-image-2 task on one of three channels
         * @description Charges the channel's price at once (config `crun.prices`: standard 10, stable 12,
         *     premium 15 / 20 / 30 for 1K / 2K / 4K, one image per task) and refunds it if the task
         *     fails. Never retried by the vendor's client: "a retry can create and charge a duplicate task".
         */
        post: operations["createTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/client/job/TaskInfo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Poll a task */
        get: operations["getTaskInfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/client/account/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Credit balance of the key's account */
        get: operations["getBalance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/client/job/EstimateTask": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * What CreateTask with this body would charge
         * @description Takes the CreateTask body and answers the credits the task would cost (the same price
         *     table, config `crun.prices`), the key's balance and whether it covers the price. Charges
         *     nothing and creates nothing; refuses exactly the bodies CreateTask refuses, with the same
         *     messages. The vendor's agent CLI calls it before every CreateTask ("Require
         *     `affordable: true` before `task create`").
         */
        post: operations["estimateTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/client/job/Models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The models this key may use
         * @description The three gpt-image-2 channels, labelled as CRUN's agent-skills catalog labels them.
         *     `modality` matches `modality` or `model_type`, `operation` one of `operations`; a value
         *     that matches nothing lists nothing.
         */
        get: operations["listModels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/client/job/Models/{model}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One model, with the JSON Schema of its input
         * @description The model's catalog entry with `input_schema` (the JSON Schema CreateTask's `input` is
         *     validated with) and `required_input_fields`, which the vendor's router skill reads.
         */
        get: operations["describeModel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/client/files/upload-url": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A presigned URL to upload an image to, and the URL it will be served at
         * @description PUT the bytes to `presigned_url` with the same `Content-Type`, then send `file_url` in
         *     CreateTask's `img_urls` ("Never send Base64, data URIs, or local paths"). In the
         *     emulator both URLs are under its own origin (EMULATOR_PUBLIC_URL, else the request's)
         *     and need no API key: the token in them is the credential, as with a real presigned URL.
         */
        get: operations["getUploadUrl"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/__uploads/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * The presigned upload (emulator only; the real one is an object store's URL)
         * @description Takes the bytes of one image of the type the URL was issued for, up to config
         *     `limits.multipartBodyBytes` (50 MB). A second PUT replaces the first. Refusals are real
         *     HTTP statuses (a client checks only for 2xx here), in CRUN's envelope.
         */
        put: operations["putUpload"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/resources/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An uploaded file (emulator only; the real one is on CRUN's CDN)
         * @description The bytes PUT to the presigned URL, with their type; no API key, as a CDN link needs none.
         */
        get: operations["getUploadedFile"];
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
         * @description `auto` renders as 1:1. Pixels come from the ratio x tier table the emulator shares with
         *     aivideoapi (1K: 1:1 1024x1024, 3:2 1536x1024, 16:9 1536x864, 21:9 2016x864, ...).
         * @enum {string}
         */
        AspectRatio: "auto" | "1:1" | "2:3" | "3:2" | "5:4" | "4:5" | "9:16" | "16:9" | "4:3" | "3:4" | "21:9";
        /**
         * @description The standard ratios plus 9:21. `auto` renders as 1:1.
         * @enum {string}
         */
        PremiumAspectRatio: "auto" | "1:1" | "2:3" | "3:2" | "5:4" | "4:5" | "9:16" | "16:9" | "4:3" | "3:4" | "21:9" | "9:21";
        /** @description Required, non-empty. */
        Prompt: string;
        /**
         * Format: uri
         * @description An HTTP(S) URL of a reference image, e.g. a `file_url` from CRUN's upload endpoint. A
         *     `data:` URI or any other scheme is a 422: "Never send Base64, data URIs, or local paths"
         *     (the vendor's task-runner skill). The emulator does not download it.
         */
        ImageUrl: string;
        /** @description Fields of another channel (`quality`, `resolution`...) are a 422 naming the field. */
        StandardInput: {
            prompt: components["schemas"]["Prompt"];
            img_urls?: components["schemas"]["ImageUrl"][];
            /**
             * @description Rendered at the 1K tier.
             * @default 1:1
             */
            aspect_ratio: components["schemas"]["AspectRatio"];
        };
        /**
         * @description The standard fields plus quality, background, output_format and moderation; no
         *     `resolution` (1K tier). Another field is a 422 naming it.
         */
        StableInput: {
            prompt: components["schemas"]["Prompt"];
            img_urls?: components["schemas"]["ImageUrl"][];
            /**
             * @description Rendered at the 1K tier.
             * @default 1:1
             */
            aspect_ratio: components["schemas"]["AspectRatio"];
            /**
             * @default medium
             * @enum {string}
             */
            quality: "low" | "medium" | "high";
            /**
             * @description `transparent` needs `output_format` png or webp; with jpeg it is a 422.
             * @default auto
             * @enum {string}
             */
            background: "auto" | "opaque" | "transparent";
            /**
             * @description The format of the image in `media_urls`.
             * @default png
             * @enum {string}
             */
            output_format: "png" | "jpeg" | "webp";
            /**
             * @description Echoed in `param.input`. The emulator's trigger-term check applies whatever its value.
             * @default low
             * @enum {string}
             */
            moderation: "auto" | "low";
        };
        /** @description The standard fields plus quality and resolution, and 9:21. Another field is a 422 naming it. */
        PremiumInput: {
            prompt: components["schemas"]["Prompt"];
            img_urls?: components["schemas"]["ImageUrl"][];
            /** @default 1:1 */
            aspect_ratio: components["schemas"]["PremiumAspectRatio"];
            /**
             * @default high
             * @enum {string}
             */
            quality: "low" | "medium" | "high";
            /**
             * @description With aspect_ratio it decides the pixels (1:1: 1024x1024, 2048x2048, 2880x2880; 16:9:
             *     1536x864, 2048x1152, 3840x2160) and the price (config crun.prices.premium1K/2K/4K).
             * @default 2K
             * @enum {string}
             */
            resolution: "1K" | "2K" | "4K";
        };
        /**
         * Format: uri
         * @description Receives a POST with the task when it reaches success or failed.
         */
        CallbackUrl: string;
        StandardTaskRequest: {
            /** @constant */
            model: "openai/gpt-image-2";
            input: components["schemas"]["StandardInput"];
            callback_url?: components["schemas"]["CallbackUrl"];
        };
        StableTaskRequest: {
            /** @constant */
            model: "openai/gpt-image-2-stable";
            input: components["schemas"]["StableInput"];
            callback_url?: components["schemas"]["CallbackUrl"];
        };
        PremiumTaskRequest: {
            /** @constant */
            model: "openai/gpt-image-2-premium";
            input: components["schemas"]["PremiumInput"];
            callback_url?: components["schemas"]["CallbackUrl"];
        };
        /**
         * @description `model` picks the channel. Another model is a 422 Validation Error naming the three allowed
         *     ones; other top-level fields are ignored.
         */
        CreateTaskRequest: components["schemas"]["StandardTaskRequest"] | components["schemas"]["StableTaskRequest"] | components["schemas"]["PremiumTaskRequest"];
        CreateTaskResponse: {
            /** @constant */
            code: 200;
            /** @constant */
            message: "success";
            data: {
                /**
                 * Format: uuid
                 * @description The docs' TaskInfo example shows a UUID (their create example, `task_12345678`, is a placeholder).
                 */
                task_id: string;
            };
        };
        StandardParam: {
            /** @constant */
            model: "openai/gpt-image-2";
            callback_url: string | null;
            input: components["schemas"]["StandardInput"];
        };
        StableParam: {
            /** @constant */
            model: "openai/gpt-image-2-stable";
            callback_url: string | null;
            input: components["schemas"]["StableInput"];
        };
        PremiumParam: {
            /** @constant */
            model: "openai/gpt-image-2-premium";
            callback_url: string | null;
            input: components["schemas"]["PremiumInput"];
        };
        /** @description What was asked, with every default filled in; `callback_url` is null when none was sent. */
        TaskParam: components["schemas"]["StandardParam"] | components["schemas"]["StableParam"] | components["schemas"]["PremiumParam"];
        TaskDataBase: {
            /** Format: uuid */
            task_id: string;
            /** @constant */
            provider: "OpenAI";
            /**
             * @description The model without its `openai/` prefix.
             * @enum {string}
             */
            model_version: "gpt-image-2" | "gpt-image-2-stable" | "gpt-image-2-premium";
            param: components["schemas"]["TaskParam"];
            /** @description Unix seconds. */
            create_at: number;
            /** @description Credits charged for the task; 0 once a failed task is refunded. */
            credits: number;
            /** @constant */
            source: "api";
        };
        /** @description Queued (`pending`) or generating (`running`): the docs' running example. */
        UnfinishedTaskData: components["schemas"]["TaskDataBase"] & {
            /** @enum {string} */
            status: "pending" | "running";
            result: null;
            duration_s: null;
            complete_at: null;
        };
        SucceededTaskData: components["schemas"]["TaskDataBase"] & {
            /** @constant */
            status: "success";
            result: {
                /** @constant */
                code: 200;
                /** @constant */
                message: "generation success";
                /** @description The image, served by the emulator under /files/ (EMULATOR_PUBLIC_URL, else the creating request's origin). */
                media_urls: string[];
            };
            /** @description Seconds the task ran, to the hundredth. */
            duration_s: number;
            /** @description Unix seconds. */
            complete_at: number;
        };
        FailedTaskData: components["schemas"]["TaskDataBase"] & {
            /** @constant */
            status: "failed";
            result: {
                /**
                 * @description 501 Generation Failed (the only code a public client retries on), unless the
                 *     control plane or `X-Emulator-Fault: task-fail:<stage>:<code>` names another
                 *     three-digit code.
                 * @example 501
                 */
                code: number;
                /** @example Generation Failed */
                message: string;
                media_urls: string[];
            };
            /** @description Seconds the task ran before failing. */
            duration_s: number;
            /** @description Unix seconds. */
            complete_at: number;
        };
        /**
         * @description A task in any state: pending, running, success or failed (terminal: success and failed;
         *     there is no cancel). `status` tells which fields are filled.
         */
        TaskData: components["schemas"]["UnfinishedTaskData"] | components["schemas"]["SucceededTaskData"] | components["schemas"]["FailedTaskData"];
        TaskInfoResponse: {
            /** @constant */
            code: 200;
            /** @constant */
            message: "success";
            data: components["schemas"]["TaskData"];
        };
        BalanceResponse: {
            /** @constant */
            code: 200;
            /** @constant */
            message: "success";
            data: {
                /** @description Spendable credits (config credits.defaultBalance for a new key). */
                balance: number;
            };
        };
        EstimateTaskResponse: {
            /** @constant */
            code: 200;
            /** @constant */
            message: "success";
            data: {
                /** @description What CreateTask would charge for this body. */
                estimated_credits: number;
                /** @description The key's spendable credits now. */
                balance: number;
                /** @description Whether the balance covers the estimate. */
                affordable: boolean;
            };
        };
        ModelSummary: components["schemas"]["ModelFields"];
        /** @description A model's catalog labels, as CRUN's agent-skills catalog has them. */
        ModelFields: {
            /** @enum {string} */
            model: "openai/gpt-image-2" | "openai/gpt-image-2-stable" | "openai/gpt-image-2-premium";
            /** @constant */
            provider: "OpenAI";
            /** @example gpt-image-2-stable */
            model_version: string;
            /** @constant */
            model_type: "image";
            /** @constant */
            modality: "image";
            operations: ("text-to-image" | "image-edit")[];
            /** @enum {string} */
            quality_tier: "standard" | "high";
            /** @constant */
            speed_tier: "balanced";
            supports_reference: boolean;
            supports_native_audio: boolean;
        };
        ModelDetail: components["schemas"]["ModelFields"] & {
            /** @description JSON Schema (draft 2020-12) of CreateTask's `input` for this model. */
            input_schema: {
                [key: string]: unknown;
            };
            required_input_fields: string[];
        };
        ModelListResponse: {
            /** @constant */
            code: 200;
            /** @constant */
            message: "success";
            data: {
                total: number;
                models: components["schemas"]["ModelSummary"][];
            };
        };
        ModelDetailResponse: {
            /** @constant */
            code: 200;
            /** @constant */
            message: "success";
            data: components["schemas"]["ModelDetail"];
        };
        UploadUrlResponse: {
            /** @constant */
            code: 200;
            /** @constant */
            message: "success";
            data: {
                /**
                 * Format: uri
                 * @description Where to PUT the bytes
                 */
                presigned_url: string;
                /**
                 * Format: uri
                 * @description Where the file is served once uploaded; send it in `img_urls`.
                 */
                file_url: string;
            };
        };
        /**
         * @description CRUN's envelope for every refusal. Codes and meanings are the docs' list; the exact
         *     messages are the emulator's (Unauthorized, Insufficient Credits, Not Found / Task not
         *     found, "Validation Error: <what>", Rate Limited, "Service Unavailable: the system is
         *     undergoing maintenance", Server Error, Generation Failed, Feature Disabled).
         */
        Error: {
            /** @enum {integer} */
            code: 401 | 402 | 404 | 422 | 429 | 455 | 500 | 501 | 505;
            message: string;
            data: null;
        };
    };
    responses: {
        /**
         * @description `refusalStatus: mirror` only: the x-api-key header is missing or empty, or the key is
         *     disabled or used from outside its IP allowlist (control plane `/__emulator/keys`; CRUN's
         *     code list has no 403).
         */
        Unauthorized: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 401,
                 *       "message": "Unauthorized",
                 *       "data": null
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description `refusalStatus: mirror` only: the balance does not cover the price, or the key's spend
         *     limit (control plane) would be passed; nothing is charged.
         */
        InsufficientCredits: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 402,
                 *       "message": "Insufficient Credits",
                 *       "data": null
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The resource or endpoint does not exist (always HTTP 404, as public clients observe). */
        NotFound: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 404,
                 *       "message": "Not Found",
                 *       "data": null
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No task with this id for this key (always HTTP 404, as public clients observe). */
        TaskNotFound: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 404,
                 *       "message": "Task not found",
                 *       "data": null
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body is over the emulator's limit (1 MB by default, config limits.jsonBodyBytes); body code 422. */
        PayloadTooLarge: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 422,
                 *       "message": "Validation Error: Request body too large. The maximum size is 1048576 bytes.",
                 *       "data": null
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `refusalStatus: mirror` only: a parameter failed validation; the message names it. */
        ValidationError: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 422,
                 *       "message": "Validation Error: 'input.prompt' is required.",
                 *       "data": null
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description `refusalStatus: mirror` only: too many requests (X-Emulator-Error, fault rules, or the
         *     key's rate limit on the control plane, which adds `x-ratelimit-*` headers).
         */
        RateLimited: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                "retry-after": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 429,
                 *       "message": "Rate Limited",
                 *       "data": null
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `refusalStatus: mirror` only: the system is undergoing maintenance (body code 455). */
        Maintenance: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 455,
                 *       "message": "Service Unavailable: the system is undergoing maintenance",
                 *       "data": null
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description An unexpected server error (always HTTP 500). */
        ServerError: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 500,
                 *       "message": "Server Error",
                 *       "data": null
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `refusalStatus: mirror` only: generation failed at once (X-Emulator-Error generation_failed). */
        GenerationFailed: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 501,
                 *       "message": "Generation Failed",
                 *       "data": null
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description `refusalStatus: mirror` only: the feature is currently disabled. */
        FeatureDisabled: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 505,
                 *       "message": "Feature Disabled",
                 *       "data": null
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
        /** @description Seconds to wait before retrying (config retryAfterSeconds). */
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
                "application/json": components["schemas"]["CreateTaskRequest"];
            };
        };
        responses: {
            /**
             * @description HTTP 200 carries either the created task (`code: 200`) or, under the default
             *     `refusalStatus: '200'`, a refusal in the error envelope: 401 Unauthorized, 402
             *     Insufficient Credits, 422 Validation Error, 429 Rate Limited (with `retry-after`
             *     even so), 455 maintenance, 501 Generation Failed, 505 Feature Disabled.
             */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateTaskResponse"] | components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["InsufficientCredits"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            455: components["responses"]["Maintenance"];
            500: components["responses"]["ServerError"];
            501: components["responses"]["GenerationFailed"];
            505: components["responses"]["FeatureDisabled"];
        };
    };
    getTaskInfo: {
        parameters: {
            query: {
                /** @description The `task_id` CreateTask returned. Missing or empty is a 422 Validation Error. */
                task_id: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description The task (`code: 200`), or under the default `refusalStatus: '200'` a refusal in the
             *     error envelope (401, 422, 429 with `retry-after`, 455, 505).
             */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskInfoResponse"] | components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["TaskNotFound"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            455: components["responses"]["Maintenance"];
            500: components["responses"]["ServerError"];
            505: components["responses"]["FeatureDisabled"];
        };
    };
    getBalance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description The balance with every charge and refund applied (`code: 200`), or under the default
             *     `refusalStatus: '200'` a refusal in the error envelope (401, 429 with `retry-after`,
             *     455, 505).
             */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 200,
                     *       "message": "success",
                     *       "data": {
                     *         "balance": 1000
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["BalanceResponse"] | components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            455: components["responses"]["Maintenance"];
            500: components["responses"]["ServerError"];
            505: components["responses"]["FeatureDisabled"];
        };
    };
    estimateTask: {
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
                 *       "model": "openai/gpt-image-2-premium",
                 *       "input": {
                 *         "prompt": "A lighthouse",
                 *         "resolution": "4K"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["CreateTaskRequest"];
            };
        };
        responses: {
            /**
             * @description The estimate (`code: 200`), or under the default `refusalStatus: '200'` a refusal in
             *     the error envelope (401, 422, 429 with `retry-after`, 455, 505). A short balance is
             *     no refusal: `affordable` is false.
             */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EstimateTaskResponse"] | components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            455: components["responses"]["Maintenance"];
            500: components["responses"]["ServerError"];
            505: components["responses"]["FeatureDisabled"];
        };
    };
    listModels: {
        parameters: {
            query?: {
                modality?: string;
                operation?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description The list (`code: 200`), or under the default `refusalStatus: '200'` a refusal in the
             *     error envelope (401, 429 with `retry-after`, 455, 505).
             */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 200,
                     *       "message": "success",
                     *       "data": {
                     *         "total": 1,
                     *         "models": [
                     *           {
                     *             "model": "openai/gpt-image-2-premium",
                     *             "provider": "OpenAI",
                     *             "model_version": "gpt-image-2-premium",
                     *             "model_type": "image",
                     *             "modality": "image",
                     *             "operations": [
                     *               "text-to-image",
                     *               "image-edit"
                     *             ],
                     *             "quality_tier": "high",
                     *             "speed_tier": "balanced",
                     *             "supports_reference": true,
                     *             "supports_native_audio": false
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ModelListResponse"] | components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            455: components["responses"]["Maintenance"];
            500: components["responses"]["ServerError"];
            505: components["responses"]["FeatureDisabled"];
        };
    };
    describeModel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The model name. It holds a slash, sent as is by CRUN's CLI (`Models/openai/gpt-image-2`) or as `%2F`. */
                model: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description The model (`code: 200`), or under the default `refusalStatus: '200'` a refusal in the
             *     error envelope (401, 429 with `retry-after`, 455, 505).
             */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 200,
                     *       "message": "success",
                     *       "data": {
                     *         "model": "openai/gpt-image-2",
                     *         "provider": "OpenAI",
                     *         "model_version": "gpt-image-2",
                     *         "model_type": "image",
                     *         "modality": "image",
                     *         "operations": [
                     *           "text-to-image",
                     *           "image-edit"
                     *         ],
                     *         "quality_tier": "standard",
                     *         "speed_tier": "balanced",
                     *         "supports_reference": true,
                     *         "supports_native_audio": false,
                     *         "input_schema": {
                     *           "type": "object",
                     *           "properties": {
                     *             "prompt": {
                     *               "type": "string",
                     *               "minLength": 1,
                     *               "maxLength": 32000
                     *             },
                     *             "img_urls": {
                     *               "type": "array",
                     *               "maxItems": 16,
                     *               "items": {
                     *                 "type": "string"
                     *               }
                     *             },
                     *             "aspect_ratio": {
                     *               "type": "string",
                     *               "default": "1:1",
                     *               "enum": [
                     *                 "auto",
                     *                 "1:1",
                     *                 "2:3",
                     *                 "3:2",
                     *                 "5:4",
                     *                 "4:5",
                     *                 "9:16",
                     *                 "16:9",
                     *                 "4:3",
                     *                 "3:4",
                     *                 "21:9"
                     *               ]
                     *             }
                     *           },
                     *           "required": [
                     *             "prompt"
                     *           ],
                     *           "additionalProperties": false
                     *         },
                     *         "required_input_fields": [
                     *           "prompt"
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ModelDetailResponse"] | components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description No such model (always HTTP 404). */
            404: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 404,
                     *       "message": "Model not found: openai/dall-e-3",
                     *       "data": null
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["RateLimited"];
            455: components["responses"]["Maintenance"];
            500: components["responses"]["ServerError"];
            505: components["responses"]["FeatureDisabled"];
        };
    };
    getUploadUrl: {
        parameters: {
            query: {
                content_type: "image/png" | "image/jpeg" | "image/webp";
                /** @description The file's extension, with or without its dot; it must fit `content_type` (`.png`; `.jpg` or `.jpeg`; `.webp`). */
                ext?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description The two URLs (`code: 200`), or under the default `refusalStatus: '200'` a refusal in
             *     the error envelope (401, 422, 429 with `retry-after`, 455, 505).
             */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 200,
                     *       "message": "success",
                     *       "data": {
                     *         "presigned_url": "http://127.0.0.1:4010/crun/__uploads/5f0c6a1e9b7d4c2a8e3f1b0d9c8a7e6f",
                     *         "file_url": "http://127.0.0.1:4010/crun/resources/5f0c6a1e9b7d4c2a8e3f1b0d9c8a7e6f.png"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["UploadUrlResponse"] | components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["RateLimited"];
            455: components["responses"]["Maintenance"];
            500: components["responses"]["ServerError"];
            505: components["responses"]["FeatureDisabled"];
        };
    };
    putUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example <the PNG bytes> */
                "image/png": string;
                /** @example <the JPEG bytes> */
                "image/jpeg": string;
                /** @example <the WebP bytes> */
                "image/webp": string;
            };
        };
        responses: {
            /** @description Stored; no body, as an object store answers. */
            200: {
                headers: {
                    /** @description The MD5 of the bytes, quoted, as an object store sends it. */
                    etag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No upload URL with this token (never issued, or forgotten after 10,000 newer ones). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 404,
                     *       "message": "Upload URL not found or expired",
                     *       "data": null
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is over the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 422,
                     *       "message": "Validation Error: Request body too large. The maximum size is 52428800 bytes.",
                     *       "data": null
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The Content-Type is not the one the URL was issued for, or the bytes are not an image of that type. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 422,
                     *       "message": "Validation Error: Content-Type must be image/png, the type the upload URL was issued for.",
                     *       "data": null
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getUploadedFile: {
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
            /** @description The file. */
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
            /** @description Nothing was uploaded under this name (or the emulator was reset). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 404,
                     *       "message": "File not found",
                     *       "data": null
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
