// Generated from specs/gptproto.openapi.yaml by `npm run gen` (openapi-typescript). Do not edit.

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
         * @description The Text To Image page marks `model` required and also names `gpt-image-1` as its default; the emulator requires it.
         * @enum {string}
         */
        ImageModel: "gpt-image-1" | "gpt-image-1-mini" | "gpt-image-1.5" | "gpt-image-2";
        /**
         * @description `auto`, or `WIDTHxHEIGHT`. gpt-image-2: both sides multiples of 16, longest edge at most
         *     3840, aspect ratio at most 3:1, total pixels 655,360 to 8,294,400 (outputs above
         *     2560x1440 are experimental). gpt-image-1, -1-mini and -1.5: `auto`, `1024x1024`,
         *     `1536x1024` or `1024x1536`. A size breaking a rule gets a 400 with `param: size` and
         *     `code: invalid_value` naming the rule, e.g. "Invalid size '1666x2514'. Width and height
         *     must both be divisible by 16."
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
         * @default auto
         * @enum {string}
         */
        ImageQuality: "auto" | "high" | "medium" | "low";
        /**
         * @description `transparent` is only supported by gpt-image-1 models (not gpt-image-2) and requires `output_format` png or webp.
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
         * @default auto
         * @enum {string}
         */
        ImageOutputFormat: "auto" | "png" | "jpeg" | "webp";
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
            /** @default auto */
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
            /** @description Partial images to stream before each final image (only with `stream`). Each adds 100 image output tokens. */
            partial_images?: number;
            user?: string;
        };
        /** @description Multipart form. Images come as repeated `image[]` parts (as the openai SDK sends them) or `image` parts: at most 16 files of PNG, JPEG or WebP, each under 50 MB. `mask` is one PNG the size of the first image. Text fields carry numbers and booleans as strings. */
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
            /** @default auto */
            output_format: components["schemas"]["ImageOutputFormat"];
            /** @default 100 */
            output_compression: number;
            /**
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
            /** @description The image, base64-encoded. Bare base64 as in the docs' example; GPTProto's -plus channels prefix `data:image/png;base64,`. */
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
            /**
             * @description What `auto` resolved to (`png`).
             * @enum {string}
             */
            output_format: "png" | "jpeg" | "webp";
            /**
             * @description What `auto` resolved to.
             * @enum {string}
             */
            quality: "low" | "medium" | "high";
            /** @description The actual pixel size, `auto` resolved (1024x1024 for generations). */
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
        /** @description One `data:` frame of a generation stream (the frame's `event:` line repeats `type`). With n > 1 each final image gets its own completed event. */
        ImageGenerationStreamEvent: (components["schemas"]["StreamEventBase"] & components["schemas"]["PartialImageFields"] & {
            /** @constant */
            type: "image_generation.partial_image";
        }) | (components["schemas"]["StreamEventBase"] & components["schemas"]["CompletedFields"] & {
            /** @constant */
            type: "image_generation.completed";
        });
        /** @description One `data:` frame of an edit stream. */
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
                type: "invalid_request_error" | "image_generation_user_error" | "permission_error" | "rate_limit_error" | "server_error";
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
         *     `invalid_type`, `invalid_value`, `unknown_parameter`, `empty_string`,
         *     `string_above_max_length`, `integer_above_max_value`, `integer_below_min_value`, null for
         *     a body that is not JSON, or `moderation_blocked` (type `image_generation_user_error`)
         *     for a content-policy refusal, which the docs list as "503" with "actual status code 400".
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
        /** @description API key is missing or invalid. */
        Unauthorized: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "message": "Invalid authentication credentials",
                 *         "type": "invalid_request_error",
                 *         "param": null,
                 *         "code": "invalid_api_key"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The key may not use this resource (`insufficient_permissions`), or the balance is too low for the request (`insufficient_balance`). Each accepted request charges its images to the key (config gptproto.pricePerImage, 0.04 credits an image, n images n times that; balances are set with `/__emulator/keys`); a refused request charges nothing. */
        Forbidden: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "message": "You do not have access to this resource",
                 *         "type": "permission_error",
                 *         "param": null,
                 *         "code": "insufficient_permissions"
                 *       }
                 *     }
                 */
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
        /** @description Too many requests. */
        RateLimited: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                "retry-after": components["headers"]["RetryAfter"];
                "retry-after-ms": components["headers"]["RetryAfterMs"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "message": "Rate limit exceeded",
                 *         "type": "rate_limit_error",
                 *         "param": null,
                 *         "code": "rate_limit_exceeded"
                 *       }
                 *     }
                 */
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
                 *         "message": "The server had an error while processing your request.",
                 *         "type": "server_error",
                 *         "param": null,
                 *         "code": "internal_error"
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
        /** @description Identifies the request, as OpenAI sends it; SDKs expose it as `requestID`. */
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
                 *       "size": "1024x1024"
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
