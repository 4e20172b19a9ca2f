// Generated from specs/skills-video.openapi.yaml by `npm run gen` (openapi-typescript). Do not edit.

export interface paths {
    "/api/v1/generation/openai/gpt-image-2": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Queue a gpt-image-2 generation (text to image, or an edit with image_urls)
         * @description Credits are charged now (price per image by resolution, times the image count) and refunded if the generation fails or is canceled.
         */
        post: operations["createGeneration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/generation/sse/openai/gpt-image-2": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Queue a generation and follow it as server-sent events
         * @description The same body as the non-SSE create (https://docs.skills.video/sse). The answer is `text/event-stream`: one bare `data: <json>` frame (no `event:` line) at every status change, the first being IN_QUEUE, until a terminal status (COMPLETED, FAILED or CANCELED); then the server closes the stream. No `[DONE]` sentinel is sent. Errors found before the stream starts are ordinary JSON error responses.
         */
        post: operations["createGenerationStream"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/generation/{provider}/{model}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Any other model (the real service hosts many); the emulator only emulates openai/gpt-image-2 */
        post: operations["createOtherModelGeneration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/generation/sse/{provider}/{model}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The SSE variant for any other model; answered as the non-SSE one is */
        post: operations["createOtherModelGenerationStream"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/generation/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Poll a generation for its status and result */
        get: operations["getGeneration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/generations/running": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's queued and in-progress generations, newest first */
        get: operations["listRunningGenerations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/credits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The key's credit balance */
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
export interface webhooks {
    generationEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A generation changed state
         * @description Sent to every endpoint configured for the workspace (here: `POST /__emulator/webhooks`
         *     in the same X-Emulator-Namespace) that subscribes to the event, for every generation
         *     created through `POST /api/v1/generation/:provider/:model+` (the SSE variant included).
         *     Events and `prediction.state`: task.created / queued, task.started / running,
         *     task.completed / succeeded, task.failed / failed, task.canceled / canceled. Delivery is
         *     at least once and unordered across events: a receiver must not move a generation
         *     backwards from a terminal state. A non-2xx answer, a network error or a timeout is
         *     retried: under `realistic` timing 5 s, 5 min and 30 min later (Svix's first retries);
         *     under `instant` and `fast`, 3 attempts, each wait twice the last (config `callbacks`,
         *     `skillsVideo.callbacks`). `webhook-id` stays the same across retries of one event to one
         *     endpoint, `webhook-timestamp` and `webhook-signature` are fresh per attempt.
         */
        post: operations["generationEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /**
         * @description Aspect ratio of the generated images; with `resolution` it decides the pixels. When it is not sent, `image_size` decides the ratio; when both are sent, `aspect_ratio` wins.
         * @default 4:3
         * @enum {string}
         */
        AspectRatio: "1:1" | "16:9" | "9:16" | "4:3" | "3:4" | "3:2" | "2:3";
        /**
         * @description Resolution hint used with the aspect ratio to derive the pixels: 1:1 is 1024x1024, 2048x2048, 2880x2880; 4:3 is 1024x768, 2048x1536, 3312x2480; 16:9 is 1536x864, 2048x1152, 3840x2160 (and their portrait mirrors); 3:2 is 1536x1024, 2048x1360, 3520x2336. Price per image: 20 / 40 / 80 credits (config skillsVideo.prices).
         * @default 1K
         * @enum {string}
         */
        Resolution: "1K" | "2K" | "4K";
        /**
         * @description A preset from the alternate copy of the docs page (fal.ai's field set), used only when `aspect_ratio` is not sent: square_hd and square are 1:1, portrait_4_3 is 3:4, portrait_16_9 is 9:16, landscape_4_3 is 4:3, landscape_16_9 is 16:9, auto is 1:1. The tier still comes from `resolution`.
         * @default landscape_4_3
         * @enum {string}
         */
        ImageSize: "auto" | "square_hd" | "square" | "portrait_4_3" | "portrait_16_9" | "landscape_4_3" | "landscape_16_9";
        /**
         * @description A number of images. `n` and `num_images` both take one; the count is `n`, else `num_images`, else 1.
         * @default 1
         */
        ImageCount: number;
        /** @description Fields the docs do not list are ignored. */
        GenerationRequest: {
            /** @description The prompt for image generation. */
            prompt: string;
            /** @description Input images; when there is at least one the generation runs in edit mode. The emulator does not download them. An empty array is text to image. */
            image_urls?: string[];
            /**
             * Format: uri
             * @description A mask constraining the editable region; edit mode only, so it is refused without `image_urls`. null is the same as absent (the second doc version types it nullable).
             */
            mask_url?: string | null;
            aspect_ratio?: components["schemas"]["AspectRatio"];
            /** @default 1K */
            resolution: components["schemas"]["Resolution"];
            image_size?: components["schemas"]["ImageSize"];
            /**
             * @description Generation quality level.
             * @default high
             * @enum {string}
             */
            quality: "low" | "medium" | "high";
            /** @description Number of images to generate; `n` wins when both are sent. */
            num_images?: components["schemas"]["ImageCount"];
            /** @description Number of results to generate; wins over `num_images`. */
            n?: components["schemas"]["ImageCount"];
            /**
             * @description Output format of the generated images.
             * @default png
             * @enum {string}
             */
            output_format: "jpeg" | "png" | "webp";
            /**
             * @description If true, the result's image URLs are `data:image/<format>;base64,...` URIs instead of links. The generation is still asynchronous: create answers IN_QUEUE.
             * @default false
             */
            sync_mode: boolean;
        };
        /** @description The same fields as multipart/form-data text fields (numbers and booleans as text). `image_urls` may be repeated, each part a URL or an uploaded PNG, JPEG or WebP file, in order; an uploaded file appears in the normalized input as an emulator `/files/` URL. `mask_url` may be a URL or a file too. */
        GenerationForm: {
            prompt: string;
            image_urls?: (string)[];
            mask_url?: string;
            aspect_ratio?: components["schemas"]["AspectRatio"];
            /** @default 1K */
            resolution: components["schemas"]["Resolution"];
            image_size?: components["schemas"]["ImageSize"];
            /**
             * @default high
             * @enum {string}
             */
            quality: "low" | "medium" | "high";
            num_images?: components["schemas"]["ImageCount"];
            n?: components["schemas"]["ImageCount"];
            /**
             * @default png
             * @enum {string}
             */
            output_format: "jpeg" | "png" | "webp";
            /** @default false */
            sync_mode: boolean;
        };
        /** @description Generation id. */
        GenerationId: string;
        /**
         * @description IN_QUEUE, IN_PROGRESS, then COMPLETED, FAILED or CANCELED. There is no public cancel endpoint; CANCELED is reached from the dashboard (here: the control plane).
         * @enum {string}
         */
        QueueStatus: "IN_QUEUE" | "IN_PROGRESS" | "COMPLETED" | "FAILED" | "CANCELED";
        /** @description Credits charged, split by where they came from: subscription credits are spent first, then permanent (purchased) ones. A failed or canceled generation is refunded and then reports zeros. */
        Usage: {
            total: number;
            subscription: number;
            permanent: number;
        };
        /** @description The normalized input: every field resolved. `resolution` is rewritten to pixels and `aspect_ratio` holds the ratio `image_size` chose when it was not sent; `n` is the image count (`n`, else `num_images`). image_urls and mask_url appear when given. */
        GenerationInput: {
            prompt: string;
            /** @enum {string} */
            aspect_ratio: "1:1" | "16:9" | "9:16" | "4:3" | "3:4" | "3:2" | "2:3";
            resolution: string;
            n: number;
            /** @enum {string} */
            quality: "low" | "medium" | "high";
            /** @enum {string} */
            output_format: "jpeg" | "png" | "webp";
            sync_mode: boolean;
            image_urls?: string[];
            /** Format: uri */
            mask_url?: string;
        };
        CreateGenerationResponse: {
            id: components["schemas"]["GenerationId"];
            /** @description Always IN_QUEUE at creation. */
            status: components["schemas"]["QueueStatus"];
            input: components["schemas"]["GenerationInput"];
            usage: components["schemas"]["Usage"];
        };
        OutputImage: {
            /**
             * Format: uri
             * @description Served by the emulator under /files/ (EMULATOR_PUBLIC_URL, else the creating request's origin); a `data:image/<format>;base64,...` URI with sync_mode.
             */
            url: string;
            file_name: string;
            /** @enum {string} */
            content_type: "image/png" | "image/jpeg" | "image/webp";
            width: number;
            height: number;
        };
        /** @description The model-specific output payload. */
        GenerationOutput: {
            /** @constant */
            type: "image";
            n: number;
            /** @description The prompt as run; the emulator runs it unchanged. */
            actual_prompt: string;
            images: components["schemas"]["OutputImage"][];
            /** @description The first of `images`. */
            image: components["schemas"]["OutputImage"];
        };
        /**
         * @description Machine-readable generation error code. Present when the status is FAILED or CANCELED.
         * @enum {string}
         */
        FailureCode: "IMAGE_GENERATION_FAILED" | "IMAGE_GENERATION_TIMEOUT" | "IMAGE_GENERATION_CONTENT_REJECTED" | "IMAGE_GENERATION_PROVIDER_UNAVAILABLE" | "IMAGE_GENERATION_CANCELED";
        /** @description The status-dependent part of a generation. */
        GenerationProgress: {
            /** @enum {string} */
            status: "IN_QUEUE" | "IN_PROGRESS";
            /** @description Null until the generation completes. */
            data: null;
        } | {
            /** @constant */
            status: "COMPLETED";
            data: components["schemas"]["GenerationOutput"];
        } | {
            /** @enum {string} */
            status: "FAILED" | "CANCELED";
            data: null;
            code: components["schemas"]["FailureCode"];
            /** @description Sanitized human-readable failure message. */
            message: string;
        };
        /** @description A generation in any status, as `GET /api/v1/generation/{id}` returns it. */
        Generation: {
            id: components["schemas"]["GenerationId"];
            input: components["schemas"]["GenerationInput"];
            usage: components["schemas"]["Usage"];
        } & components["schemas"]["GenerationProgress"];
        /** @description One SSE frame: the generation without `input`, as the sse page's example shows. The COMPLETED frame's `data` is the same object the poll returns; FAILED and CANCELED frames carry `code` and `message`. */
        GenerationFrame: {
            id: components["schemas"]["GenerationId"];
            usage: components["schemas"]["Usage"];
        } & components["schemas"]["GenerationProgress"];
        RunningGeneration: {
            id: components["schemas"]["GenerationId"];
            /** @enum {string} */
            status: "IN_QUEUE" | "IN_PROGRESS";
            usage: components["schemas"]["Usage"];
            input: components["schemas"]["GenerationInput"];
        };
        /** @description Spendable credits, split as `usage` is. */
        Credits: {
            total: number;
            subscription: number;
            permanent: number;
        };
        /** @description The event name, when it happened, the generation as the poll returns it at that moment, and the prediction's state. */
        WebhookEvent: {
            /** @enum {string} */
            type: "task.created" | "task.started" | "task.completed" | "task.failed" | "task.canceled";
            /** Format: date-time */
            timestamp: string;
            data: components["schemas"]["Generation"];
            prediction: {
                id: components["schemas"]["GenerationId"];
                /** @enum {string} */
                state: "queued" | "running" | "succeeded" | "failed" | "canceled";
                status: components["schemas"]["QueueStatus"];
            };
        };
        /** @enum {string} */
        ErrorCode: "IMAGE_GENERATION_INVALID_INPUT" | "IMAGE_GENERATION_UNSUPPORTED_MODEL" | "UNAUTHORIZED" | "IMAGE_GENERATION_INSUFFICIENT_CREDITS" | "FORBIDDEN" | "NOT_FOUND" | "IMAGE_GENERATION_CONTENT_REJECTED" | "IMAGE_GENERATION_RATE_LIMITED" | "INTERNAL_ERROR" | "IMAGE_GENERATION_FAILED" | "IMAGE_GENERATION_PROVIDER_UNAVAILABLE" | "IMAGE_GENERATION_TIMEOUT";
        /** @description The newer http-status page's envelope: `error` (legacy) repeats `code`, except for insufficient credits, whose `error` is INSUFFICIENT_CREDITS. */
        Error: {
            error: components["schemas"]["ErrorCode"] | "INSUFFICIENT_CREDITS";
            code: components["schemas"]["ErrorCode"];
            message: string;
        };
    };
    responses: {
        /** @description Invalid request (IMAGE_GENERATION_INVALID_INPUT): malformed JSON or multipart, or a field missing, of the wrong type or out of range; the message names the field. */
        InvalidInput: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "IMAGE_GENERATION_INVALID_INPUT",
                 *       "code": "IMAGE_GENERATION_INVALID_INPUT",
                 *       "message": "'prompt' is required."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The model is not served (IMAGE_GENERATION_UNSUPPORTED_MODEL). */
        UnsupportedModel: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "IMAGE_GENERATION_UNSUPPORTED_MODEL",
                 *       "code": "IMAGE_GENERATION_UNSUPPORTED_MODEL",
                 *       "message": "Model 'google/nano-banana' is not supported: the emulator serves openai/gpt-image-2."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body is over the emulator's limit (1 MB of JSON, 50 MB of multipart by default, config limits). */
        PayloadTooLarge: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "IMAGE_GENERATION_INVALID_INPUT",
                 *       "code": "IMAGE_GENERATION_INVALID_INPUT",
                 *       "message": "Request body too large. The maximum size is 1048576 bytes."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Authentication required or failed (no `Authorization: Bearer <key>`). */
        Unauthorized: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "UNAUTHORIZED",
                 *       "code": "UNAUTHORIZED",
                 *       "message": "Missing API key: send it in the Authorization header."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The balance does not cover the generation's price. */
        InsufficientCredits: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "INSUFFICIENT_CREDITS",
                 *       "code": "IMAGE_GENERATION_INSUFFICIENT_CREDITS",
                 *       "message": "Insufficient credits for this generation."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Access forbidden (newer http-status page only). */
        Forbidden: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "FORBIDDEN",
                 *       "code": "FORBIDDEN",
                 *       "message": "Access forbidden."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No generation with this id for this key. */
        NotFound: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "NOT_FOUND",
                 *       "code": "NOT_FOUND",
                 *       "message": "Resource not found."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Upstream moderation rejected the prompt or inputs (a configured trigger term, config moderation.triggerTerms). */
        ContentRejected: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "IMAGE_GENERATION_CONTENT_REJECTED",
                 *       "code": "IMAGE_GENERATION_CONTENT_REJECTED",
                 *       "message": "Upstream moderation rejected the prompt or inputs."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Rate limit exceeded. */
        RateLimited: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                "retry-after": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "IMAGE_GENERATION_RATE_LIMITED",
                 *       "code": "IMAGE_GENERATION_RATE_LIMITED",
                 *       "message": "Rate limit exceeded. Please retry later."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Server error. */
        InternalError: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "INTERNAL_ERROR",
                 *       "code": "INTERNAL_ERROR",
                 *       "message": "Internal server error."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Upstream generation failed. */
        GenerationFailed: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "IMAGE_GENERATION_FAILED",
                 *       "code": "IMAGE_GENERATION_FAILED",
                 *       "message": "Upstream generation failed."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Upstream provider unavailable. */
        ProviderUnavailable: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "IMAGE_GENERATION_PROVIDER_UNAVAILABLE",
                 *       "code": "IMAGE_GENERATION_PROVIDER_UNAVAILABLE",
                 *       "message": "Upstream provider unavailable."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Generation timed out. */
        GenerationTimeout: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "IMAGE_GENERATION_TIMEOUT",
                 *       "code": "IMAGE_GENERATION_TIMEOUT",
                 *       "message": "Generation timed out."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: never;
    requestBodies: {
        Generation: {
            content: {
                /**
                 * @example {
                 *       "prompt": "a cat",
                 *       "aspect_ratio": "1:1"
                 *     }
                 */
                "application/json": components["schemas"]["GenerationRequest"];
                /**
                 * @example {
                 *       "prompt": "make it blue",
                 *       "image_urls": [
                 *         "<binary PNG, JPEG or WebP, or an image URL>"
                 *       ],
                 *       "aspect_ratio": "1:1"
                 *     }
                 */
                "multipart/form-data": components["schemas"]["GenerationForm"];
            };
        };
    };
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
    createGeneration: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["Generation"];
        responses: {
            /** @description Generation submission accepted (config skillsVideo.createStatus, 200 by default). */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "gen_4f1c2a9e0b7d6c5a3e2f1d0c",
                     *       "status": "IN_QUEUE",
                     *       "input": {
                     *         "prompt": "a cat",
                     *         "aspect_ratio": "1:1",
                     *         "resolution": "1024x1024",
                     *         "n": 1,
                     *         "quality": "high",
                     *         "output_format": "png",
                     *         "sync_mode": false
                     *       },
                     *       "usage": {
                     *         "total": 20,
                     *         "subscription": 20,
                     *         "permanent": 0
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CreateGenerationResponse"];
                };
            };
            /** @description The same body, when config skillsVideo.createStatus is 202. */
            202: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "gen_0c9f99408af239c9c6c92e28",
                     *       "status": "IN_QUEUE",
                     *       "input": {
                     *         "prompt": "a lighthouse",
                     *         "aspect_ratio": "16:9",
                     *         "resolution": "2048x1152",
                     *         "n": 1,
                     *         "quality": "high",
                     *         "output_format": "png",
                     *         "sync_mode": false
                     *       },
                     *       "usage": {
                     *         "total": 40,
                     *         "subscription": 40,
                     *         "permanent": 0
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CreateGenerationResponse"];
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["InsufficientCredits"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ContentRejected"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            502: components["responses"]["GenerationFailed"];
            503: components["responses"]["ProviderUnavailable"];
            504: components["responses"]["GenerationTimeout"];
        };
    };
    createGenerationStream: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: components["requestBodies"]["Generation"];
        responses: {
            /** @description The stream of status frames. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example data: {"id":"gen_4f1c2a9e0b7d6c5a3e2f1d0c","status":"IN_QUEUE","data":null,"usage":{"total":20,"subscription":20,"permanent":0}}
                     *
                     *     data: {"id":"gen_4f1c2a9e0b7d6c5a3e2f1d0c","status":"IN_PROGRESS","data":null,"usage":{"total":20,"subscription":20,"permanent":0}}
                     */
                    "text/event-stream": components["schemas"]["GenerationFrame"];
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["InsufficientCredits"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ContentRejected"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            502: components["responses"]["GenerationFailed"];
            503: components["responses"]["ProviderUnavailable"];
            504: components["responses"]["GenerationTimeout"];
        };
    };
    createOtherModelGeneration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: string;
                model: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            400: components["responses"]["UnsupportedModel"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    createOtherModelGenerationStream: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: string;
                model: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            400: components["responses"]["UnsupportedModel"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
        };
    };
    getGeneration: {
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
            /** @description The generation; `data` is null until it completes. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "gen_4f1c2a9e0b7d6c5a3e2f1d0c",
                     *       "status": "COMPLETED",
                     *       "input": {
                     *         "prompt": "a cat",
                     *         "aspect_ratio": "1:1",
                     *         "resolution": "1024x1024",
                     *         "n": 1,
                     *         "quality": "high",
                     *         "output_format": "png",
                     *         "sync_mode": false
                     *       },
                     *       "data": {
                     *         "type": "image",
                     *         "n": 1,
                     *         "actual_prompt": "a cat",
                     *         "images": [
                     *           {
                     *             "url": "http://127.0.0.1:4010/files/0f1e2d3c4b5a69788796a5b4c3d2e1f0.png",
                     *             "file_name": "0f1e2d3c4b5a69788796a5b4c3d2e1f0.png",
                     *             "content_type": "image/png",
                     *             "width": 1024,
                     *             "height": 1024
                     *           }
                     *         ],
                     *         "image": {
                     *           "url": "http://127.0.0.1:4010/files/0f1e2d3c4b5a69788796a5b4c3d2e1f0.png",
                     *           "file_name": "0f1e2d3c4b5a69788796a5b4c3d2e1f0.png",
                     *           "content_type": "image/png",
                     *           "width": 1024,
                     *           "height": 1024
                     *         }
                     *       },
                     *       "usage": {
                     *         "total": 20,
                     *         "subscription": 20,
                     *         "permanent": 0
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Generation"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listRunningGenerations: {
        parameters: {
            query?: {
                /** @description Workspace document id. Accepted and ignored; each key is one workspace. */
                workspace?: string;
                /** @description At most this many generations; out of range gets 400 IMAGE_GENERATION_INVALID_INPUT. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON array (not wrapped), newest first. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example [
                     *       {
                     *         "id": "gen_0c9f99408af239c9c6c92e28",
                     *         "status": "IN_QUEUE",
                     *         "usage": {
                     *           "total": 40,
                     *           "subscription": 40,
                     *           "permanent": 0
                     *         },
                     *         "input": {
                     *           "prompt": "a lighthouse",
                     *           "aspect_ratio": "16:9",
                     *           "resolution": "2048x1152",
                     *           "n": 1,
                     *           "quality": "high",
                     *           "output_format": "png",
                     *           "sync_mode": false
                     *         }
                     *       }
                     *     ]
                     */
                    "application/json": components["schemas"]["RunningGeneration"][];
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
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
            /** @description The balance, every charge and refund applied. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "total": 980,
                     *       "subscription": 980,
                     *       "permanent": 0
                     *     }
                     */
                    "application/json": components["schemas"]["Credits"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    generationEvent: {
        parameters: {
            query?: never;
            header: {
                /** @description The idempotency key of this event for this endpoint. */
                "webhook-id": string;
                /** @description Unix seconds of this attempt. */
                "webhook-timestamp": string;
                /** @description Standard Webhooks: `v1,` + base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<body>`, keyed with the base64-decoded part of the endpoint's `whsec_` secret. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
