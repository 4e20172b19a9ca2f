// Generated from specs/oceanbase.openapi.yaml by `npm run gen` (openapi-typescript). Do not edit.

export interface paths {
    "/api/v1/images/generations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Text to image with gpt-image-2 */
        post: operations["createImage"];
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
        ImageGenerationRequest: {
            /**
             * @description Model name, fixed as gpt-image-2.
             * @constant
             */
            model: "gpt-image-2";
            /** @description Prompt for generating an image. */
            prompt: string;
            /**
             * @description Image size, `WIDTHxHEIGHT` or `auto` (1024x1024). gpt-image-2's rules apply: both
             *     sides multiples of 16, longest edge at most 3840, aspect ratio at most 3:1, total
             *     pixels 655,360 to 8,294,400.
             * @example 1024x1024
             * @example 1536x1024
             * @example 2048x2048
             * @example 3840x2160
             */
            size: string;
            /** @description Number of generated images. */
            n: number;
        };
        Image: {
            /**
             * Format: uri
             * @description The image under the emulator's /files/ (EMULATOR_PUBLIC_URL, else the request's origin).
             */
            url: string;
            /** @description The same PNG, base64-encoded. */
            b64_json: string;
            revised_prompt: string;
        };
        ImagesResponse: {
            /** @description Creation timestamp, Unix seconds. */
            created: number;
            data: components["schemas"]["Image"][];
            usage: components["schemas"]["Usage"];
        };
        /** @description Usage information. The doc's example is an empty object. */
        Usage: {
            input_tokens?: number;
            input_tokens_details?: components["schemas"]["TokenDetails"];
            output_tokens?: number;
            output_tokens_details?: components["schemas"]["TokenDetails"];
            total_tokens?: number;
        };
        TokenDetails: {
            image_tokens: number;
            text_tokens: number;
        };
        Error: {
            error: {
                message: string;
                /**
                 * @example invalid_request_error
                 * @example authentication_error
                 */
                type: string;
                /**
                 * @example unauthorized
                 * @example invalid_value
                 */
                code: string;
            };
        };
    };
    responses: {
        /**
         * @description Invalid input, in OpenAI's words: `code` is `missing_required_parameter`,
         *     `invalid_type`, `invalid_value`, `empty_string`, `string_above_max_length`,
         *     `integer_above_max_value`, `integer_below_min_value`, `invalid_json`, or
         *     `content_policy_violation` for a refused prompt.
         */
        BadRequest: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "message": "Invalid size '1000x1000'. Width and height must both be divisible by 16.",
                 *         "type": "invalid_request_error",
                 *         "code": "invalid_value"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Missing or invalid API key (the AI API overview's "Failed call" example). */
        Unauthorized: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "message": "Invalid API key.",
                 *         "type": "authentication_error",
                 *         "code": "unauthorized"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The key may not use this model (disabled in the console's model market). */
        Forbidden: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body is over the emulator's limit (1 MB of JSON by default, config limits.jsonBodyBytes). */
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
                 *         "code": "request_too_large"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The account's TPM/RPM throttling limit was reached. */
        RateLimited: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                "retry-after": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "message": "Rate limit reached for gpt-image-2. Please try again later.",
                 *         "type": "rate_limit_error",
                 *         "code": "rate_limit_exceeded"
                 *       }
                 *     }
                 */
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
                 *         "message": "Internal server error.",
                 *         "type": "server_error",
                 *         "code": "internal_error"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The upstream model is unavailable. */
        Unavailable: {
            headers: {
                "x-request-id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "message": "The model is temporarily unavailable. Please try again later.",
                 *         "type": "server_error",
                 *         "code": "service_unavailable"
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
                 *       "prompt": "A simple red apple on a white table, photorealistic",
                 *       "size": "1024x1024",
                 *       "n": 1
                 *     }
                 */
                "application/json": components["schemas"]["ImageGenerationRequest"];
            };
        };
        responses: {
            /** @description The generated images, each as a URL and as base64. */
            200: {
                headers: {
                    "x-request-id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "created": 1780000000,
                     *       "data": [
                     *         {
                     *           "url": "http://127.0.0.1:4010/files/0f3a7c1e9b2d4a6c8e0f1a2b3c4d5e6f.png",
                     *           "b64_json": "iVBORw0KGgo...",
                     *           "revised_prompt": "A simple red apple on a white table, photorealistic, rendered with soft natural light"
                     *         }
                     *       ],
                     *       "usage": {}
                     *     }
                     */
                    "application/json": components["schemas"]["ImagesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["Unavailable"];
        };
    };
}
