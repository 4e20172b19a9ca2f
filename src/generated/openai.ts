// Generated from specs/openai.openapi.yaml by `npm run gen` (openapi-typescript). Do not edit.

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
        /** Text to image */
        post: operations["createImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/images/edits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Image edit (multipart) */
        post: operations["createImageEdit"];
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
         * @description The GPT image models. OpenAI also accepts `dall-e-2`, `dall-e-3`, dated snapshots such as `gpt-image-2-2026-04-21` and `chatgpt-image-latest`; the emulator refuses them with `code: invalid_value`, `param: model`.
         * @enum {string}
         */
        ImageModel: "gpt-image-1" | "gpt-image-1-mini" | "gpt-image-1.5" | "gpt-image-2";
        /**
         * @description `auto`, or `WIDTHxHEIGHT`, by model:
         *     - gpt-image-2: `auto` or any `WIDTHxHEIGHT` with both sides multiples of 16, longest
         *       edge at most 3840, aspect ratio at most 3:1 and total pixels 655,360 to 8,294,400
         *       (so at most 3840x2160; OpenAI calls outputs above 2560x1440 experimental).
         *     - gpt-image-1, gpt-image-1-mini, gpt-image-1.5: `auto`, `1024x1024`, `1536x1024` or
         *       `1024x1536` only.
         *     A size breaking a rule gets a 400 with `param: size` and `code: invalid_value` naming the
         *     rule, e.g. "Invalid size '1666x2514'. Width and height must both be divisible by 16." or
         *     "Invalid value: '512x512'. Supported values are: '1024x1024', '1024x1536', '1536x1024',
         *     and 'auto'.". `auto` gives 1024x1024 for generations; for edits, the standard size
         *     closest to the first image's shape.
         * @default auto
         * @example auto
         * @example 1024x1024
         * @example 1536x1024
         * @example 1024x1536
         * @example 2048x2048
         * @example 2048x1152
         * @example 3840x2160
         * @example 2160x3840
         */
        ImageSize: string;
        /**
         * @description OpenAI's `standard` and `hd` are dall-e values and are refused for GPT image models.
         * @default auto
         * @enum {string}
         */
        ImageQuality: "auto" | "high" | "medium" | "low";
        /**
         * @description `transparent` requires `output_format` png or webp. On gpt-image-2 it is refused by default.
         * @default auto
         * @enum {string}
         */
        ImageBackground: "opaque" | "auto" | "transparent";
        /**
         * @default auto
         * @enum {string}
         */
        ImageModeration: "low" | "auto";
        /**
         * @description OpenAI's enum has no `auto` (unlike GPTProto's); `auto` is refused with `code: invalid_value`.
         * @default png
         * @enum {string}
         */
        ImageOutputFormat: "png" | "jpeg" | "webp";
        /**
         * @description JSON body. Unknown fields are refused with a 400 `code: unknown_parameter`, as OpenAI
         *     does. That includes `response_format`, which OpenAI accepts only for dall-e models
         *     ("GPT image models always return base64-encoded images"): any value, even `b64_json`,
         *     gets "Unknown parameter: 'response_format'." (see the 400 example `responseFormat`).
         */
        ImageGenerationRequest: {
            model: components["schemas"]["ImageModel"];
            /** @description A text description of the desired image(s). */
            prompt: string;
            /** @default 1 */
            n: number;
            /** @default auto */
            size: components["schemas"]["ImageSize"];
            /** @default auto */
            quality: components["schemas"]["ImageQuality"];
            /** @default auto */
            background: components["schemas"]["ImageBackground"];
            /** @default auto */
            moderation: components["schemas"]["ImageModeration"];
            /** @default png */
            output_format: components["schemas"]["ImageOutputFormat"];
            /**
             * @description Compression level for webp and jpeg; ignored for png.
             * @default 100
             */
            output_compression: number;
            /**
             * @description Answer with server-sent events. The openai SDK sends `accept: application/json` even when streaming, so the emulator decides by this field alone.
             * @default false
             */
            stream: boolean;
            /** @description Partial images to stream before each final image (only with `stream`; 0 sends the final image alone). Each adds 100 image output tokens. */
            partial_images?: number;
            /** @description An end-user identifier for abuse monitoring; accepted and ignored. */
            user?: string;
        };
        /** @description Multipart form. Images come as repeated `image[]` parts (as the openai SDK sends them) or `image` parts: at least 1 and at most 16 files of PNG, JPEG or WebP, each under 50 MB. `mask` is one PNG the size of the first image (OpenAI: under 4 MB), whose transparent pixels mark the area to edit. Text fields carry numbers and booleans as strings. Unknown fields, `response_format` included, get a 400 `code: unknown_parameter`. */
        ImageEditRequest: {
            "image[]"?: string[];
            image?: string[];
            mask?: string;
            model: components["schemas"]["ImageModel"];
            prompt: string;
            /** @default 1 */
            n: number;
            /** @default auto */
            size: components["schemas"]["ImageSize"];
            /** @default auto */
            quality: components["schemas"]["ImageQuality"];
            /** @default auto */
            background: components["schemas"]["ImageBackground"];
            /** @default auto */
            moderation: components["schemas"]["ImageModeration"];
            /** @default png */
            output_format: components["schemas"]["ImageOutputFormat"];
            /** @default 100 */
            output_compression: number;
            /**
             * @description How closely to match the input images' style and features (OpenAI: not for gpt-image-1-mini). Accepted and not reflected in the output.
             * @default low
             * @enum {string}
             */
            input_fidelity: "high" | "low";
            /** @default false */
            stream: boolean;
            partial_images?: number;
            user?: string;
        };
        Image: {
            /** @description The image, bare base64 (no data URI prefix). GPT image models never return `url`, and `revised_prompt` is dall-e-3 only. */
            b64_json: string;
        };
        Usage: {
            input_tokens: number;
            input_tokens_details: components["schemas"]["TokenDetails"];
            output_tokens: number;
            output_tokens_details: components["schemas"]["TokenDetails"];
            total_tokens: number;
        };
        TokenDetails: {
            image_tokens: number;
            text_tokens: number;
        };
        ImagesResponse: {
            /** @description Unix seconds. */
            created: number;
            /**
             * @description What `auto` resolved to (`opaque` unless transparency was asked for).
             * @enum {string}
             */
            background: "transparent" | "opaque";
            data: components["schemas"]["Image"][];
            /** @enum {string} */
            output_format: "png" | "jpeg" | "webp";
            /**
             * @description What `auto` resolved to.
             * @enum {string}
             */
            quality: "low" | "medium" | "high";
            /** @description The actual pixel size, `auto` resolved. The SDK types it as the three standard sizes; for gpt-image-2 it is the requested `WIDTHxHEIGHT`. */
            size: string;
            usage: components["schemas"]["Usage"];
        };
        StreamEventBase: {
            b64_json: string;
            /** @enum {string} */
            background: "transparent" | "opaque" | "auto";
            /** @description Unix seconds. */
            created_at: number;
            /** @enum {string} */
            output_format: "png" | "jpeg" | "webp";
            /** @enum {string} */
            quality: "low" | "medium" | "high" | "auto";
            size: string;
        };
        PartialImageFields: {
            /** @description 0-based index of the partial image within its final image. */
            partial_image_index: number;
        };
        CompletedFields: {
            usage: components["schemas"]["Usage"];
        };
        /** @description One `data:` frame of a generation stream (the frame's `event:` line repeats `type`). Partial events carry no usage; the completed event does. */
        ImageGenerationStreamEvent: (components["schemas"]["StreamEventBase"] & components["schemas"]["PartialImageFields"] & {
            /** @constant */
            type: "image_generation.partial_image";
        }) | (components["schemas"]["StreamEventBase"] & components["schemas"]["CompletedFields"] & {
            /** @constant */
            type: "image_generation.completed";
        });
        /** @description One `data:` frame of an edit stream, fields as in generation streams. */
        ImageEditStreamEvent: (components["schemas"]["StreamEventBase"] & components["schemas"]["PartialImageFields"] & {
            /** @constant */
            type: "image_edit.partial_image";
        }) | (components["schemas"]["StreamEventBase"] & components["schemas"]["CompletedFields"] & {
            /** @constant */
            type: "image_edit.completed";
        });
        Error: {
            error: {
                message: string;
                /** @enum {string} */
                type: "invalid_request_error" | "image_generation_user_error" | "request_forbidden" | "insufficient_quota" | "requests" | "server_error";
                param: string | null;
                code: string | null;
                moderation_details?: {
                    /** @enum {string} */
                    moderation_stage?: "input" | "output";
                    categories?: string[];
                };
            };
        };
    };
    responses: {
        /**
         * @description Invalid input, in OpenAI's words. `code` is one of `missing_required_parameter`,
         *     `invalid_type`, `invalid_value`, `unknown_parameter` (also for `response_format`, which GPT
         *     image models refuse), `empty_string`, `string_above_max_length`,
         *     `integer_above_max_value`, `integer_below_min_value`, `array_above_max_length`,
         *     `invalid_image_format` (edits), null for a body that is not JSON, or `moderation_blocked`
         *     (type `image_generation_user_error`) for a content-policy refusal.
         */
        BadRequest: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The API key is missing (`code: null`) or invalid (`code: invalid_api_key`). */
        Unauthorized: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The request may not be served: from an address outside the key's allowlist (`unsupported_country_region_territory`, OpenAI's answer to a blocked region), or for an organization not verified for GPT image models (`code: null`). */
        Forbidden: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body is over the emulator's limit (1 MB of JSON, 50 MB of multipart by default). */
        PayloadTooLarge: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "message": "Request body too large. The maximum size is 1048576 bytes.",
                 *         "type": "invalid_request_error",
                 *         "param": null,
                 *         "code": "request_too_large"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Too many requests (`code: rate_limit_exceeded`), or no credits left (`code: insufficient_quota`, which OpenAI also answers with 429). When a rate limit is set on the key, `x-ratelimit-limit-requests`, `x-ratelimit-remaining-requests` and `x-ratelimit-reset-requests` are sent as well. */
        RateLimited: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                "retry-after": components["headers"]["RetryAfter"];
                "retry-after-ms": components["headers"]["RetryAfterMs"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description An internal server error occurred. */
        InternalError: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "message": "The server had an error while processing your request. Sorry about that!",
                 *         "type": "server_error",
                 *         "param": null,
                 *         "code": null
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
        /** @description Identifies the request (`req_` and 32 hex digits, as OpenAI sends it); the openai SDK exposes it as `requestID`. Sent on every response, streams and errors included. */
        RequestId: string;
        /** @description Seconds to wait before retrying; the openai SDK honours it. */
        RetryAfter: string;
        /** @description The same wait in milliseconds, which the openai SDK prefers. */
        RetryAfterMs: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createImage: {
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
                 *       "prompt": "a cat",
                 *       "size": "1024x1024",
                 *       "quality": "low"
                 *     }
                 */
                "application/json": components["schemas"]["ImageGenerationRequest"];
            };
        };
        responses: {
            /**
             * @description The generated images. With `stream: true` the body is `text/event-stream`: one
             *     `event: <type>` and `data: <json>` frame per event (partial images, then one
             *     completed event per image), and the server closes the stream after the last one.
             */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "created": 1776843003,
                     *       "background": "opaque",
                     *       "data": [
                     *         {
                     *           "b64_json": "<BASE64_DATA>"
                     *         }
                     *       ],
                     *       "output_format": "png",
                     *       "quality": "low",
                     *       "size": "1024x1024",
                     *       "usage": {
                     *         "input_tokens": 8,
                     *         "input_tokens_details": {
                     *           "image_tokens": 0,
                     *           "text_tokens": 8
                     *         },
                     *         "output_tokens": 196,
                     *         "output_tokens_details": {
                     *           "image_tokens": 196,
                     *           "text_tokens": 0
                     *         },
                     *         "total_tokens": 204
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ImagesResponse"];
                    "text/event-stream": components["schemas"]["ImageGenerationStreamEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    createImageEdit: {
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
                 *       "image[]": [
                 *         "<binary PNG, JPEG or WebP>"
                 *       ],
                 *       "model": "gpt-image-2",
                 *       "prompt": "make it blue",
                 *       "size": "1024x1024"
                 *     }
                 */
                "multipart/form-data": components["schemas"]["ImageEditRequest"];
            };
        };
        responses: {
            /** @description The edited images; `text/event-stream` when `stream` is `true`. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "created": 1795996644,
                     *       "background": "opaque",
                     *       "data": [
                     *         {
                     *           "b64_json": "<BASE64_DATA>"
                     *         }
                     *       ],
                     *       "output_format": "png",
                     *       "quality": "low",
                     *       "size": "1024x1024",
                     *       "usage": {
                     *         "input_tokens": 10,
                     *         "input_tokens_details": {
                     *           "image_tokens": 1,
                     *           "text_tokens": 9
                     *         },
                     *         "output_tokens": 196,
                     *         "output_tokens_details": {
                     *           "image_tokens": 196,
                     *           "text_tokens": 0
                     *         },
                     *         "total_tokens": 206
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ImagesResponse"];
                    "text/event-stream": components["schemas"]["ImageEditStreamEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
}
