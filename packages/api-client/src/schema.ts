// Generated from the API's OpenAPI document by `pnpm --filter @leadmetrics/api generate:client`. Do not edit.
export interface paths {
    "/admin/v1/audit-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description Exact action, or a prefix ending in '.' such as 'tenant.' */
                    action?: string;
                    actorId?: string;
                    page?: number;
                    pageSize?: number;
                    tenantId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action: string;
                                /** @description Who acted; null for the platform itself. Name and email are null if the account is gone */
                                actor: {
                                    email: string | null;
                                    /** Format: uuid */
                                    id: string;
                                    name: string | null;
                                } | null;
                                actorId: string | null;
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                metadata: unknown;
                                requestId: string | null;
                                /** @description A user target's email */
                                targetEmail: string | null;
                                targetId: string | null;
                                /** @description The target's name (a title, a queue…) when it has one and still exists */
                                targetName: string | null;
                                targetType: string;
                                tenantId: string | null;
                                tenantName: string | null;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                            /** @description true when at least 10000 entries match: `total` is then that cap */
                            totalCapped: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/credits/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount: number;
                        note: string;
                        /** Format: uuid */
                        tenantId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            available: number;
                            /** Format: uuid */
                            ledgerEntryId: string;
                            reserved: number;
                            /** @description Jobs that had stopped for want of credits, replayed by this grant */
                            resumedJobs: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/failed-jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    queue?: string;
                    replayed?: "true" | "false";
                    tenantId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                attempts: number;
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                jobId: string;
                                payload: unknown;
                                queue: string;
                                /** @description The queue for people: "Blog writer", "Email notifications" */
                                queueLabel: string;
                                reason: string;
                                /** @description The reason in plain words, with the next step when it is known */
                                reasonText: string;
                                replayedAt: string | null;
                                replayJobId: string | null;
                                replayState?: string | null;
                                /** @description The activity or plan the job was working on; its name is null when it is gone */
                                subject: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    kind: "activity" | "plan";
                                    name: string | null;
                                } | null;
                                tenant: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string | null;
                                } | null;
                                tenantId: string | null;
                                /** @description Stopped for want of credits, not replayed yet: the next grant replays it */
                                waitsForCredits: boolean;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/failed-jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            jobId: string;
                            payload: unknown;
                            queue: string;
                            /** @description The queue for people: "Blog writer", "Email notifications" */
                            queueLabel: string;
                            reason: string;
                            /** @description The reason in plain words, with the next step when it is known */
                            reasonText: string;
                            replayedAt: string | null;
                            replayJobId: string | null;
                            replayState?: string | null;
                            /** @description The activity or plan the job was working on; its name is null when it is gone */
                            subject: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "activity" | "plan";
                                name: string | null;
                            } | null;
                            tenant: {
                                /** Format: uuid */
                                id: string;
                                name: string | null;
                            } | null;
                            tenantId: string | null;
                            /** @description Stopped for want of credits, not replayed yet: the next grant replays it */
                            waitsForCredits: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/failed-jobs/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            jobId: string;
                            payload: unknown;
                            queue: string;
                            /** @description The queue for people: "Blog writer", "Email notifications" */
                            queueLabel: string;
                            reason: string;
                            /** @description The reason in plain words, with the next step when it is known */
                            reasonText: string;
                            replayedAt: string | null;
                            replayJobId: string | null;
                            replayState?: string | null;
                            /** @description The activity or plan the job was working on; its name is null when it is gone */
                            subject: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "activity" | "plan";
                                name: string | null;
                            } | null;
                            tenant: {
                                /** Format: uuid */
                                id: string;
                                name: string | null;
                            } | null;
                            tenantId: string | null;
                            /** @description Stopped for want of credits, not replayed yet: the next grant replays it */
                            waitsForCredits: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    search?: string;
                    status?: "active" | "suspended";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                memberCount: number;
                                name: string;
                                slug: string;
                                /** @enum {string} */
                                status: "active" | "suspended";
                                suspendedAt: string | null;
                                suspendedReason: string | null;
                                timezone: string;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Credits the workspace starts with; without it, the welcome credits every new workspace gets */
                        initialCredits?: number;
                        name: string;
                        owner: {
                            email: string;
                            name: string;
                        };
                        /** @default UTC */
                        timezone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            memberCount: number;
                            name: string;
                            slug: string;
                            /** @enum {string} */
                            status: "active" | "suspended";
                            suspendedAt: string | null;
                            suspendedReason: string | null;
                            timezone: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/tenants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            memberCount: number;
                            name: string;
                            slug: string;
                            /** @enum {string} */
                            status: "active" | "suspended";
                            suspendedAt: string | null;
                            suspendedReason: string | null;
                            timezone: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/tenants/{id}/agent-configs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @enum {string} */
                                adapter: "offline" | "anthropic" | "openai" | "gemini" | "claude-cli";
                                configured: boolean;
                                enabled: boolean;
                                model: string;
                                /** @enum {string} */
                                role: "activity-planner" | "blog-writer" | "social-post-writer" | "strategy-writer" | "publisher";
                                temperature: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/tenants/{id}/agent-configs/{role}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    role: "activity-planner" | "blog-writer" | "social-post-writer" | "strategy-writer" | "publisher";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        adapter: "offline" | "anthropic" | "openai" | "gemini" | "claude-cli";
                        /** @default true */
                        enabled?: boolean;
                        model: string;
                        /** @default 0.7 */
                        temperature?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            adapter: "offline" | "anthropic" | "openai" | "gemini" | "claude-cli";
                            configured: boolean;
                            enabled: boolean;
                            model: string;
                            /** @enum {string} */
                            role: "activity-planner" | "blog-writer" | "social-post-writer" | "strategy-writer" | "publisher";
                            temperature: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/tenants/{id}/credits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            available: number;
                            ledger: {
                                items: {
                                    /** @description Who granted; null for the platform (welcome credits) and for runs */
                                    actor: {
                                        email: string | null;
                                        /** Format: uuid */
                                        id: string;
                                        name: string | null;
                                    } | null;
                                    amount: number;
                                    createdAt: string;
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    kind: "grant" | "run" | "adjustment";
                                    note: string | null;
                                    /** @description For a run's entry: the agent that ran and on what */
                                    run: {
                                        activityId: string | null;
                                        planId: string | null;
                                        role: string;
                                        /** @description The activity's title or the plan's name */
                                        subject: string | null;
                                    } | null;
                                    /** @enum {string} */
                                    status: "reserved" | "settled" | "released" | "posted";
                                }[];
                                page: number;
                                pageSize: number;
                                total: number;
                            };
                            reserved: number;
                            /** @description What stopped for want of credits: a grant moves the drafts back to drafting and replays the jobs */
                            waiting: {
                                /** @description The oldest few, by title */
                                activities: {
                                    /** Format: uuid */
                                    id: string;
                                    title: string;
                                }[];
                                activityCount: number;
                                jobCount: number;
                                jobsByQueue: {
                                    count: number;
                                    label: string;
                                    queue: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/tenants/{id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            memberCount: number;
                            name: string;
                            slug: string;
                            /** @enum {string} */
                            status: "active" | "suspended";
                            suspendedAt: string | null;
                            suspendedReason: string | null;
                            timezone: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/tenants/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            memberCount: number;
                            name: string;
                            slug: string;
                            /** @enum {string} */
                            status: "active" | "suspended";
                            suspendedAt: string | null;
                            suspendedReason: string | null;
                            timezone: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    platformRole?: "super_admin" | "dm_reviewer" | "none";
                    search?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                createdAt: string;
                                disabled: boolean;
                                email: string;
                                /** Format: uuid */
                                id: string;
                                invitationPending: boolean;
                                lastLoginAt: string | null;
                                memberships: {
                                    /** @enum {string} */
                                    role: "owner" | "admin" | "member";
                                    /** Format: uuid */
                                    tenantId: string;
                                    tenantName: string;
                                }[];
                                name: string;
                                /** @enum {string} */
                                platformRole: "super_admin" | "dm_reviewer" | "none";
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        name: string;
                        /** @description Omit to send an invitation instead */
                        password?: string;
                        /** @enum {string} */
                        platformRole: "super_admin" | "dm_reviewer";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            disabled: boolean;
                            email: string;
                            /** Format: uuid */
                            id: string;
                            invitationPending: boolean;
                            lastLoginAt: string | null;
                            memberships: {
                                /** @enum {string} */
                                role: "owner" | "admin" | "member";
                                /** Format: uuid */
                                tenantId: string;
                                tenantName: string;
                            }[];
                            name: string;
                            /** @enum {string} */
                            platformRole: "super_admin" | "dm_reviewer" | "none";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/v1/accept-invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        password: string;
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/v1/forgot-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/v1/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                        /**
                         * @description Set the portal's httpOnly cookies as well as returning the tokens
                         * @enum {string}
                         */
                        portal?: "dashboard" | "dm" | "manage";
                        /**
                         * Format: uuid
                         * @description Which workspace to act for, when the user belongs to several
                         */
                        tenantId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessToken: string;
                            accessTokenExpiresAt: string;
                            refreshToken: string;
                            refreshTokenExpiresAt: string;
                            session: {
                                appAccess: ("dashboard" | "dm" | "manage")[];
                                /** @enum {string} */
                                kind: "tenant" | "staff";
                                /** @enum {string} */
                                role: "owner" | "admin" | "member" | "super_admin" | "dm_reviewer";
                                tenantId: string | null;
                                /** Format: uuid */
                                userId: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/v1/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Set the portal's httpOnly cookies as well as returning the tokens
                         * @enum {string}
                         */
                        portal?: "dashboard" | "dm" | "manage";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/v1/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Set the portal's httpOnly cookies as well as returning the tokens
                         * @enum {string}
                         */
                        portal?: "dashboard" | "dm" | "manage";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            memberships: {
                                /** @enum {string} */
                                role: "owner" | "admin" | "member";
                                /** Format: uuid */
                                tenantId: string;
                                tenantName: string;
                                /** @enum {string} */
                                tenantStatus: "active" | "suspended";
                                tenantSuspendedAt: string | null;
                                tenantTimezone: string;
                            }[];
                            session: {
                                appAccess: ("dashboard" | "dm" | "manage")[];
                                /** @enum {string} */
                                kind: "tenant" | "staff";
                                /** @enum {string} */
                                role: "owner" | "admin" | "member" | "super_admin" | "dm_reviewer";
                                tenantId: string | null;
                                /** Format: uuid */
                                userId: string;
                            };
                            user: {
                                email: string;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                /** @enum {string} */
                                platformRole: "super_admin" | "dm_reviewer" | "none";
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/v1/me/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        platform: "ios" | "android" | "web";
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/v1/me/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channels: {
                                /** @enum {string} */
                                channel: "email" | "in_app" | "push" | "whatsapp" | "telegram";
                                label: string;
                            }[];
                            events: {
                                /** @enum {string} */
                                audience: "staff" | "client" | "everyone" | "operators";
                                /** @enum {string} */
                                event: "draft_ready_for_review" | "needs_attention" | "waiting_for_credits" | "ready_for_client_review" | "published" | "publish_failed" | "channel_needs_reconnect" | "password_reset" | "invitation" | "job_failed";
                                /** @enum {string} */
                                group: "Drafts and approvals" | "Publishing" | "Your account";
                                label: string;
                                mandatoryWhy: string | null;
                            }[];
                            items: {
                                /** @enum {string} */
                                channel: "email" | "in_app" | "push" | "whatsapp" | "telegram";
                                enabled: boolean;
                                /** @enum {string} */
                                event: "draft_ready_for_review" | "needs_attention" | "waiting_for_credits" | "ready_for_client_review" | "published" | "publish_failed" | "channel_needs_reconnect" | "password_reset" | "invitation" | "job_failed";
                                mandatory: boolean;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items: {
                            /** @enum {string} */
                            channel: "email" | "in_app" | "push" | "whatsapp" | "telegram";
                            enabled: boolean;
                            /** @enum {string} */
                            event: "draft_ready_for_review" | "needs_attention" | "waiting_for_credits" | "ready_for_client_review" | "published" | "publish_failed" | "channel_needs_reconnect" | "password_reset" | "invitation" | "job_failed";
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channels: {
                                /** @enum {string} */
                                channel: "email" | "in_app" | "push" | "whatsapp" | "telegram";
                                label: string;
                            }[];
                            events: {
                                /** @enum {string} */
                                audience: "staff" | "client" | "everyone" | "operators";
                                /** @enum {string} */
                                event: "draft_ready_for_review" | "needs_attention" | "waiting_for_credits" | "ready_for_client_review" | "published" | "publish_failed" | "channel_needs_reconnect" | "password_reset" | "invitation" | "job_failed";
                                /** @enum {string} */
                                group: "Drafts and approvals" | "Publishing" | "Your account";
                                label: string;
                                mandatoryWhy: string | null;
                            }[];
                            items: {
                                /** @enum {string} */
                                channel: "email" | "in_app" | "push" | "whatsapp" | "telegram";
                                enabled: boolean;
                                /** @enum {string} */
                                event: "draft_ready_for_review" | "needs_attention" | "waiting_for_credits" | "ready_for_client_review" | "published" | "publish_failed" | "channel_needs_reconnect" | "password_reset" | "invitation" | "job_failed";
                                mandatory: boolean;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/v1/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    unread?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                body: string;
                                createdAt: string;
                                event: string;
                                /** Format: uuid */
                                id: string;
                                link: string | null;
                                objectTitle: string | null;
                                read: boolean;
                                title: string;
                                url: string | null;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                            unreadCount: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/v1/me/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/v1/me/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            marked: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/v1/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Set the portal's httpOnly cookies as well as returning the tokens
                         * @enum {string}
                         */
                        portal?: "dashboard" | "dm" | "manage";
                        /** @description Omit to use the portal's refresh cookie */
                        refreshToken?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessToken: string;
                            accessTokenExpiresAt: string;
                            refreshToken: string;
                            refreshTokenExpiresAt: string;
                            session: {
                                appAccess: ("dashboard" | "dm" | "manage")[];
                                /** @enum {string} */
                                kind: "tenant" | "staff";
                                /** @enum {string} */
                                role: "owner" | "admin" | "member" | "super_admin" | "dm_reviewer";
                                tenantId: string | null;
                                /** Format: uuid */
                                userId: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/v1/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        name: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            expiresAt: string;
                            registrationToken: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/v1/register/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Set the portal's httpOnly cookies as well as returning the tokens
                         * @enum {string}
                         */
                        portal?: "dashboard" | "dm" | "manage";
                        registrationToken: string;
                        /** @default UTC */
                        timezone?: string;
                        workspaceName: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessToken: string;
                            accessTokenExpiresAt: string;
                            refreshToken: string;
                            refreshTokenExpiresAt: string;
                            session: {
                                appAccess: ("dashboard" | "dm" | "manage")[];
                                /** @enum {string} */
                                kind: "tenant" | "staff";
                                /** @enum {string} */
                                role: "owner" | "admin" | "member" | "super_admin" | "dm_reviewer";
                                tenantId: string | null;
                                /** Format: uuid */
                                userId: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/v1/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dm/v1/activities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The network a social post is written for (linkedin, x, …) */
                            channel: string | null;
                            /** @description The connected site or account chosen for it; null: the first of its kind */
                            channelId: string | null;
                            clientContext: {
                                audience: string;
                                brandVoice: string;
                                products: string;
                                version: number;
                            } | null;
                            clientRejectionCount: number;
                            createdAt: string;
                            currentVersionId: string | null;
                            dmRejectionCount: number;
                            dueOn: string | null;
                            events: {
                                /** @enum {string} */
                                action: "start_drafting" | "draft_ready" | "draft_failed" | "credits_short" | "credits_granted" | "dm_approve" | "dm_edit_approve" | "dm_reject" | "dm_retry" | "client_approve" | "client_reject" | "publish_start" | "publish_succeeded" | "publish_failed" | "retry_publish";
                                actorId: string | null;
                                /** @description The person who acted (user actors); null for agents and the system */
                                actorName: string | null;
                                /** @description The person's role in the workspace, or reviewer for platform staff */
                                actorRole: ("owner" | "admin" | "member" | "reviewer") | null;
                                /** @enum {string} */
                                actorType: "user" | "agent" | "system";
                                createdAt: string;
                                feedback: string | null;
                                fromStatus: ("planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed") | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                toStatus: "planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed";
                                /** @description The newest version when it happened; null before a draft */
                                versionNumber: number | null;
                            }[];
                            format: string | null;
                            /** Format: uuid */
                            id: string;
                            keyword: string | null;
                            lastError: string | null;
                            /** @description A social post's images (media library ids), in order */
                            mediaIds: string[];
                            /** Format: uuid */
                            planId: string;
                            planName: string;
                            publishedUrl: string | null;
                            publishTo: components["schemas"]["PublishTo"];
                            revision: number;
                            /** @enum {string} */
                            status: "planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed";
                            /** Format: uuid */
                            tenantId: string;
                            tenantName: string;
                            /** @description The client's time zone: its work is dated in it */
                            tenantTimezone: string;
                            /** @description What the work is called: its current version's title, or the topic before a draft */
                            title: string;
                            /** @description The brief's topic, as planned */
                            topic: string;
                            /** @enum {string} */
                            type: "blog_post" | "social_post" | "strategy";
                            updatedAt: string;
                            version: number;
                            versions: {
                                agentRunId: string | null;
                                /** @enum {string} */
                                authorType: "user" | "agent" | "system";
                                authorUserId: string | null;
                                body: string;
                                /** @description The writer's account of what it changed for the feedback; never published */
                                changeNote: string | null;
                                createdAt: string;
                                extra: unknown;
                                /** Format: uuid */
                                id: string;
                                number: number;
                                /** @description Written by the offline (deterministic, non-AI) adapter */
                                offline: boolean;
                                revision: number;
                                title: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dm/v1/activities/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The activity version you saw; a newer one answers 409 */
                        expectedVersion?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The network a social post is written for (linkedin, x, …) */
                            channel: string | null;
                            /** @description The connected site or account chosen for it; null: the first of its kind */
                            channelId: string | null;
                            clientContext: {
                                audience: string;
                                brandVoice: string;
                                products: string;
                                version: number;
                            } | null;
                            clientRejectionCount: number;
                            createdAt: string;
                            currentVersionId: string | null;
                            dmRejectionCount: number;
                            dueOn: string | null;
                            events: {
                                /** @enum {string} */
                                action: "start_drafting" | "draft_ready" | "draft_failed" | "credits_short" | "credits_granted" | "dm_approve" | "dm_edit_approve" | "dm_reject" | "dm_retry" | "client_approve" | "client_reject" | "publish_start" | "publish_succeeded" | "publish_failed" | "retry_publish";
                                actorId: string | null;
                                /** @description The person who acted (user actors); null for agents and the system */
                                actorName: string | null;
                                /** @description The person's role in the workspace, or reviewer for platform staff */
                                actorRole: ("owner" | "admin" | "member" | "reviewer") | null;
                                /** @enum {string} */
                                actorType: "user" | "agent" | "system";
                                createdAt: string;
                                feedback: string | null;
                                fromStatus: ("planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed") | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                toStatus: "planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed";
                                /** @description The newest version when it happened; null before a draft */
                                versionNumber: number | null;
                            }[];
                            format: string | null;
                            /** Format: uuid */
                            id: string;
                            keyword: string | null;
                            lastError: string | null;
                            /** @description A social post's images (media library ids), in order */
                            mediaIds: string[];
                            /** Format: uuid */
                            planId: string;
                            planName: string;
                            publishedUrl: string | null;
                            publishTo: components["schemas"]["PublishTo"];
                            revision: number;
                            /** @enum {string} */
                            status: "planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed";
                            /** Format: uuid */
                            tenantId: string;
                            tenantName: string;
                            /** @description The client's time zone: its work is dated in it */
                            tenantTimezone: string;
                            /** @description What the work is called: its current version's title, or the topic before a draft */
                            title: string;
                            /** @description The brief's topic, as planned */
                            topic: string;
                            /** @enum {string} */
                            type: "blog_post" | "social_post" | "strategy";
                            updatedAt: string;
                            version: number;
                            versions: {
                                agentRunId: string | null;
                                /** @enum {string} */
                                authorType: "user" | "agent" | "system";
                                authorUserId: string | null;
                                body: string;
                                /** @description The writer's account of what it changed for the feedback; never published */
                                changeNote: string | null;
                                createdAt: string;
                                extra: unknown;
                                /** Format: uuid */
                                id: string;
                                number: number;
                                /** @description Written by the offline (deterministic, non-AI) adapter */
                                offline: boolean;
                                revision: number;
                                title: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dm/v1/activities/{id}/edit-approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                        /** @description The activity version you saw; a newer one answers 409 */
                        expectedVersion?: number;
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The network a social post is written for (linkedin, x, …) */
                            channel: string | null;
                            /** @description The connected site or account chosen for it; null: the first of its kind */
                            channelId: string | null;
                            clientContext: {
                                audience: string;
                                brandVoice: string;
                                products: string;
                                version: number;
                            } | null;
                            clientRejectionCount: number;
                            createdAt: string;
                            currentVersionId: string | null;
                            dmRejectionCount: number;
                            dueOn: string | null;
                            events: {
                                /** @enum {string} */
                                action: "start_drafting" | "draft_ready" | "draft_failed" | "credits_short" | "credits_granted" | "dm_approve" | "dm_edit_approve" | "dm_reject" | "dm_retry" | "client_approve" | "client_reject" | "publish_start" | "publish_succeeded" | "publish_failed" | "retry_publish";
                                actorId: string | null;
                                /** @description The person who acted (user actors); null for agents and the system */
                                actorName: string | null;
                                /** @description The person's role in the workspace, or reviewer for platform staff */
                                actorRole: ("owner" | "admin" | "member" | "reviewer") | null;
                                /** @enum {string} */
                                actorType: "user" | "agent" | "system";
                                createdAt: string;
                                feedback: string | null;
                                fromStatus: ("planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed") | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                toStatus: "planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed";
                                /** @description The newest version when it happened; null before a draft */
                                versionNumber: number | null;
                            }[];
                            format: string | null;
                            /** Format: uuid */
                            id: string;
                            keyword: string | null;
                            lastError: string | null;
                            /** @description A social post's images (media library ids), in order */
                            mediaIds: string[];
                            /** Format: uuid */
                            planId: string;
                            planName: string;
                            publishedUrl: string | null;
                            publishTo: components["schemas"]["PublishTo"];
                            revision: number;
                            /** @enum {string} */
                            status: "planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed";
                            /** Format: uuid */
                            tenantId: string;
                            tenantName: string;
                            /** @description The client's time zone: its work is dated in it */
                            tenantTimezone: string;
                            /** @description What the work is called: its current version's title, or the topic before a draft */
                            title: string;
                            /** @description The brief's topic, as planned */
                            topic: string;
                            /** @enum {string} */
                            type: "blog_post" | "social_post" | "strategy";
                            updatedAt: string;
                            version: number;
                            versions: {
                                agentRunId: string | null;
                                /** @enum {string} */
                                authorType: "user" | "agent" | "system";
                                authorUserId: string | null;
                                body: string;
                                /** @description The writer's account of what it changed for the feedback; never published */
                                changeNote: string | null;
                                createdAt: string;
                                extra: unknown;
                                /** Format: uuid */
                                id: string;
                                number: number;
                                /** @description Written by the offline (deterministic, non-AI) adapter */
                                offline: boolean;
                                revision: number;
                                title: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dm/v1/activities/{id}/media/{mediaId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description An image the social post carries (one of its `mediaIds`), as uploaded: the reviewer sees what goes out. 404 for any other image of the library. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    mediaId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The image bytes, with their sniffed content type */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/gif": string;
                        "image/jpeg": string;
                        "image/png": string;
                        "image/webp": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dm/v1/activities/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The activity version you saw; a newer one answers 409 */
                        expectedVersion?: number;
                        feedback: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The network a social post is written for (linkedin, x, …) */
                            channel: string | null;
                            /** @description The connected site or account chosen for it; null: the first of its kind */
                            channelId: string | null;
                            clientContext: {
                                audience: string;
                                brandVoice: string;
                                products: string;
                                version: number;
                            } | null;
                            clientRejectionCount: number;
                            createdAt: string;
                            currentVersionId: string | null;
                            dmRejectionCount: number;
                            dueOn: string | null;
                            events: {
                                /** @enum {string} */
                                action: "start_drafting" | "draft_ready" | "draft_failed" | "credits_short" | "credits_granted" | "dm_approve" | "dm_edit_approve" | "dm_reject" | "dm_retry" | "client_approve" | "client_reject" | "publish_start" | "publish_succeeded" | "publish_failed" | "retry_publish";
                                actorId: string | null;
                                /** @description The person who acted (user actors); null for agents and the system */
                                actorName: string | null;
                                /** @description The person's role in the workspace, or reviewer for platform staff */
                                actorRole: ("owner" | "admin" | "member" | "reviewer") | null;
                                /** @enum {string} */
                                actorType: "user" | "agent" | "system";
                                createdAt: string;
                                feedback: string | null;
                                fromStatus: ("planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed") | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                toStatus: "planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed";
                                /** @description The newest version when it happened; null before a draft */
                                versionNumber: number | null;
                            }[];
                            format: string | null;
                            /** Format: uuid */
                            id: string;
                            keyword: string | null;
                            lastError: string | null;
                            /** @description A social post's images (media library ids), in order */
                            mediaIds: string[];
                            /** Format: uuid */
                            planId: string;
                            planName: string;
                            publishedUrl: string | null;
                            publishTo: components["schemas"]["PublishTo"];
                            revision: number;
                            /** @enum {string} */
                            status: "planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed";
                            /** Format: uuid */
                            tenantId: string;
                            tenantName: string;
                            /** @description The client's time zone: its work is dated in it */
                            tenantTimezone: string;
                            /** @description What the work is called: its current version's title, or the topic before a draft */
                            title: string;
                            /** @description The brief's topic, as planned */
                            topic: string;
                            /** @enum {string} */
                            type: "blog_post" | "social_post" | "strategy";
                            updatedAt: string;
                            version: number;
                            versions: {
                                agentRunId: string | null;
                                /** @enum {string} */
                                authorType: "user" | "agent" | "system";
                                authorUserId: string | null;
                                body: string;
                                /** @description The writer's account of what it changed for the feedback; never published */
                                changeNote: string | null;
                                createdAt: string;
                                extra: unknown;
                                /** Format: uuid */
                                id: string;
                                number: number;
                                /** @description Written by the offline (deterministic, non-AI) adapter */
                                offline: boolean;
                                revision: number;
                                title: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dm/v1/activities/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The activity version you saw; a newer one answers 409 */
                        expectedVersion?: number;
                        feedback?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The network a social post is written for (linkedin, x, …) */
                            channel: string | null;
                            /** @description The connected site or account chosen for it; null: the first of its kind */
                            channelId: string | null;
                            clientContext: {
                                audience: string;
                                brandVoice: string;
                                products: string;
                                version: number;
                            } | null;
                            clientRejectionCount: number;
                            createdAt: string;
                            currentVersionId: string | null;
                            dmRejectionCount: number;
                            dueOn: string | null;
                            events: {
                                /** @enum {string} */
                                action: "start_drafting" | "draft_ready" | "draft_failed" | "credits_short" | "credits_granted" | "dm_approve" | "dm_edit_approve" | "dm_reject" | "dm_retry" | "client_approve" | "client_reject" | "publish_start" | "publish_succeeded" | "publish_failed" | "retry_publish";
                                actorId: string | null;
                                /** @description The person who acted (user actors); null for agents and the system */
                                actorName: string | null;
                                /** @description The person's role in the workspace, or reviewer for platform staff */
                                actorRole: ("owner" | "admin" | "member" | "reviewer") | null;
                                /** @enum {string} */
                                actorType: "user" | "agent" | "system";
                                createdAt: string;
                                feedback: string | null;
                                fromStatus: ("planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed") | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                toStatus: "planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed";
                                /** @description The newest version when it happened; null before a draft */
                                versionNumber: number | null;
                            }[];
                            format: string | null;
                            /** Format: uuid */
                            id: string;
                            keyword: string | null;
                            lastError: string | null;
                            /** @description A social post's images (media library ids), in order */
                            mediaIds: string[];
                            /** Format: uuid */
                            planId: string;
                            planName: string;
                            publishedUrl: string | null;
                            publishTo: components["schemas"]["PublishTo"];
                            revision: number;
                            /** @enum {string} */
                            status: "planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed";
                            /** Format: uuid */
                            tenantId: string;
                            tenantName: string;
                            /** @description The client's time zone: its work is dated in it */
                            tenantTimezone: string;
                            /** @description What the work is called: its current version's title, or the topic before a draft */
                            title: string;
                            /** @description The brief's topic, as planned */
                            topic: string;
                            /** @enum {string} */
                            type: "blog_post" | "social_post" | "strategy";
                            updatedAt: string;
                            version: number;
                            versions: {
                                agentRunId: string | null;
                                /** @enum {string} */
                                authorType: "user" | "agent" | "system";
                                authorUserId: string | null;
                                body: string;
                                /** @description The writer's account of what it changed for the feedback; never published */
                                changeNote: string | null;
                                createdAt: string;
                                extra: unknown;
                                /** Format: uuid */
                                id: string;
                                number: number;
                                /** @description Written by the offline (deterministic, non-AI) adapter */
                                offline: boolean;
                                revision: number;
                                title: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dm/v1/needs-attention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor or prevCursor of a page: the page after or before it (page then only labels it) */
                    cursor?: string;
                    page?: number;
                    pageSize?: number;
                    tenantId?: string;
                    type?: "blog_post" | "social_post" | "strategy";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            counts: {
                                byTenant: {
                                    dm_review: number;
                                    needs_attention: number;
                                    /** Format: uuid */
                                    tenantId: string;
                                    tenantName: string;
                                    waiting_for_credits: number;
                                }[];
                                dm_review: number;
                                needs_attention: number;
                                /** @description Drafts that could not hold the client's credits */
                                waiting_for_credits: number;
                            };
                            items: {
                                /** @description The network a social post is written for (linkedin, x, …) */
                                channel: string | null;
                                /** @description The connected site or account chosen for it; null: the first of its kind */
                                channelId: string | null;
                                clientRejectionCount: number;
                                createdAt: string;
                                dmRejectionCount: number;
                                dueOn: string | null;
                                format: string | null;
                                /** Format: uuid */
                                id: string;
                                keyword: string | null;
                                lastError: string | null;
                                /** Format: uuid */
                                planId: string;
                                publishedUrl: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed";
                                /** Format: uuid */
                                tenantId: string;
                                tenantName: string;
                                /** @description What the work is called: its current version's title, or the topic before a draft */
                                title: string;
                                /** @description The brief's topic, as planned */
                                topic: string;
                                /** @enum {string} */
                                type: "blog_post" | "social_post" | "strategy";
                                updatedAt: string;
                                version: number;
                                waitingSince: string;
                            }[];
                            nextCursor: string | null;
                            page: number;
                            pageSize: number;
                            prevCursor: string | null;
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dm/v1/review-queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor or prevCursor of a page: the page after or before it (page then only labels it) */
                    cursor?: string;
                    page?: number;
                    pageSize?: number;
                    tenantId?: string;
                    type?: "blog_post" | "social_post" | "strategy";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            counts: {
                                byTenant: {
                                    dm_review: number;
                                    needs_attention: number;
                                    /** Format: uuid */
                                    tenantId: string;
                                    tenantName: string;
                                    waiting_for_credits: number;
                                }[];
                                dm_review: number;
                                needs_attention: number;
                                /** @description Drafts that could not hold the client's credits */
                                waiting_for_credits: number;
                            };
                            items: {
                                /** @description The network a social post is written for (linkedin, x, …) */
                                channel: string | null;
                                /** @description The connected site or account chosen for it; null: the first of its kind */
                                channelId: string | null;
                                clientRejectionCount: number;
                                createdAt: string;
                                dmRejectionCount: number;
                                dueOn: string | null;
                                format: string | null;
                                /** Format: uuid */
                                id: string;
                                keyword: string | null;
                                lastError: string | null;
                                /** Format: uuid */
                                planId: string;
                                publishedUrl: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed";
                                /** Format: uuid */
                                tenantId: string;
                                tenantName: string;
                                /** @description What the work is called: its current version's title, or the topic before a draft */
                                title: string;
                                /** @description The brief's topic, as planned */
                                topic: string;
                                /** @enum {string} */
                                type: "blog_post" | "social_post" | "strategy";
                                updatedAt: string;
                                version: number;
                                waitingSince: string;
                            }[];
                            nextCursor: string | null;
                            page: number;
                            pageSize: number;
                            prevCursor: string | null;
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dm/v1/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                timezone: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description 200 when PostgreSQL and Redis answer; 503 with the state of each check otherwise. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/public/v1/media/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A signed, expiring link to an image converted for one network. 404 for a forged, altered or expired link; 422 when the image cannot meet the network's rules (the message says why). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The image bytes */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenant/v1/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description The channel, exactly (linkedin, …) */
                    channel?: string;
                    page?: number;
                    pageSize?: number;
                    planId?: string;
                    /** @description Words of the title or the topic, matched literally and case-insensitively */
                    q?: string;
                    /** @description recent: last changed first; due: soonest due first */
                    sort?: "recent" | "due";
                    /** @description One status, or several (repeat the parameter) */
                    status?: ("planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed") | ("planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed")[];
                    type?: "blog_post" | "social_post" | "strategy";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            countsByStatus: {
                                [key: string]: number;
                            };
                            items: {
                                /** @description The agent run drafting it now; null unless it is being drafted */
                                activeRun: {
                                    /** Format: uuid */
                                    id: string;
                                    role: string;
                                    startedAt: string;
                                } | null;
                                /** @description The network a social post is written for (linkedin, x, …) */
                                channel: string | null;
                                /** @description The connected site or account chosen for it; null: the first of its kind */
                                channelId: string | null;
                                clientRejectionCount: number;
                                createdAt: string;
                                dmRejectionCount: number;
                                dueOn: string | null;
                                format: string | null;
                                /** Format: uuid */
                                id: string;
                                keyword: string | null;
                                lastError: string | null;
                                /** Format: uuid */
                                planId: string;
                                planName: string;
                                /** @description When it was published, if it was */
                                publishedAt: string | null;
                                publishedUrl: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed";
                                /** Format: uuid */
                                tenantId: string;
                                /** @description What the work is called: its current version's title, or the topic before a draft */
                                title: string;
                                /** @description The brief's topic, as planned */
                                topic: string;
                                /** @enum {string} */
                                type: "blog_post" | "social_post" | "strategy";
                                updatedAt: string;
                                version: number;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenant/v1/activities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The network a social post is written for (linkedin, x, …) */
                            channel: string | null;
                            /** @description The connected site or account chosen for it; null: the first of its kind */
                            channelId: string | null;
                            clientRejectionCount: number;
                            createdAt: string;
                            currentVersionId: string | null;
                            dmRejectionCount: number;
                            dueOn: string | null;
                            events: {
                                /** @enum {string} */
                                action: "start_drafting" | "draft_ready" | "draft_failed" | "credits_short" | "credits_granted" | "dm_approve" | "dm_edit_approve" | "dm_reject" | "dm_retry" | "client_approve" | "client_reject" | "publish_start" | "publish_succeeded" | "publish_failed" | "retry_publish";
                                actorId: string | null;
                                /** @description The person who acted (user actors); null for agents and the system */
                                actorName: string | null;
                                /** @description The person's role in the workspace, or reviewer for platform staff */
                                actorRole: ("owner" | "admin" | "member" | "reviewer") | null;
                                /** @enum {string} */
                                actorType: "user" | "agent" | "system";
                                createdAt: string;
                                feedback: string | null;
                                fromStatus: ("planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed") | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                toStatus: "planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed";
                                /** @description The newest version when it happened; null before a draft */
                                versionNumber: number | null;
                            }[];
                            format: string | null;
                            /** Format: uuid */
                            id: string;
                            keyword: string | null;
                            lastError: string | null;
                            /** @description A social post's images (media library ids), in order */
                            mediaIds: string[];
                            /** Format: uuid */
                            planId: string;
                            planName: string;
                            publishedUrl: string | null;
                            publishTo: components["schemas"]["PublishTo"];
                            revision: number;
                            /** @enum {string} */
                            status: "planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed";
                            /** Format: uuid */
                            tenantId: string;
                            /** @description What the work is called: its current version's title, or the topic before a draft */
                            title: string;
                            /** @description The brief's topic, as planned */
                            topic: string;
                            /** @enum {string} */
                            type: "blog_post" | "social_post" | "strategy";
                            updatedAt: string;
                            version: number;
                            versions: {
                                agentRunId: string | null;
                                /** @enum {string} */
                                authorType: "user" | "agent" | "system";
                                authorUserId: string | null;
                                body: string;
                                /** @description The writer's account of what it changed for the feedback; never published */
                                changeNote: string | null;
                                createdAt: string;
                                extra: unknown;
                                /** Format: uuid */
                                id: string;
                                number: number;
                                /** @description Written by the offline (deterministic, non-AI) adapter */
                                offline: boolean;
                                revision: number;
                                title: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenant/v1/activities/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The activity version you saw; a newer one answers 409 */
                        expectedVersion?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The network a social post is written for (linkedin, x, …) */
                            channel: string | null;
                            /** @description The connected site or account chosen for it; null: the first of its kind */
                            channelId: string | null;
                            clientRejectionCount: number;
                            createdAt: string;
                            currentVersionId: string | null;
                            dmRejectionCount: number;
                            dueOn: string | null;
                            events: {
                                /** @enum {string} */
                                action: "start_drafting" | "draft_ready" | "draft_failed" | "credits_short" | "credits_granted" | "dm_approve" | "dm_edit_approve" | "dm_reject" | "dm_retry" | "client_approve" | "client_reject" | "publish_start" | "publish_succeeded" | "publish_failed" | "retry_publish";
                                actorId: string | null;
                                /** @description The person who acted (user actors); null for agents and the system */
                                actorName: string | null;
                                /** @description The person's role in the workspace, or reviewer for platform staff */
                                actorRole: ("owner" | "admin" | "member" | "reviewer") | null;
                                /** @enum {string} */
                                actorType: "user" | "agent" | "system";
                                createdAt: string;
                                feedback: string | null;
                                fromStatus: ("planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed") | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                toStatus: "planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed";
                                /** @description The newest version when it happened; null before a draft */
                                versionNumber: number | null;
                            }[];
                            format: string | null;
                            /** Format: uuid */
                            id: string;
                            keyword: string | null;
                            lastError: string | null;
                            /** @description A social post's images (media library ids), in order */
                            mediaIds: string[];
                            /** Format: uuid */
                            planId: string;
                            planName: string;
                            publishedUrl: string | null;
                            publishTo: components["schemas"]["PublishTo"];
                            revision: number;
                            /** @enum {string} */
                            status: "planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed";
                            /** Format: uuid */
                            tenantId: string;
                            /** @description What the work is called: its current version's title, or the topic before a draft */
                            title: string;
                            /** @description The brief's topic, as planned */
                            topic: string;
                            /** @enum {string} */
                            type: "blog_post" | "social_post" | "strategy";
                            updatedAt: string;
                            version: number;
                            versions: {
                                agentRunId: string | null;
                                /** @enum {string} */
                                authorType: "user" | "agent" | "system";
                                authorUserId: string | null;
                                body: string;
                                /** @description The writer's account of what it changed for the feedback; never published */
                                changeNote: string | null;
                                createdAt: string;
                                extra: unknown;
                                /** Format: uuid */
                                id: string;
                                number: number;
                                /** @description Written by the offline (deterministic, non-AI) adapter */
                                offline: boolean;
                                revision: number;
                                title: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenant/v1/activities/{id}/publishing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** @description Where it is published (a connected site or account) and a social post's images, until the client approves it (409 after). */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The connected site or account to publish to; null: the first of its kind */
                        channelId?: string | null;
                        /** @description A social post's images from the media library, in order (the network's limit applies at approval) */
                        mediaIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The network a social post is written for (linkedin, x, …) */
                            channel: string | null;
                            /** @description The connected site or account chosen for it; null: the first of its kind */
                            channelId: string | null;
                            clientRejectionCount: number;
                            createdAt: string;
                            currentVersionId: string | null;
                            dmRejectionCount: number;
                            dueOn: string | null;
                            events: {
                                /** @enum {string} */
                                action: "start_drafting" | "draft_ready" | "draft_failed" | "credits_short" | "credits_granted" | "dm_approve" | "dm_edit_approve" | "dm_reject" | "dm_retry" | "client_approve" | "client_reject" | "publish_start" | "publish_succeeded" | "publish_failed" | "retry_publish";
                                actorId: string | null;
                                /** @description The person who acted (user actors); null for agents and the system */
                                actorName: string | null;
                                /** @description The person's role in the workspace, or reviewer for platform staff */
                                actorRole: ("owner" | "admin" | "member" | "reviewer") | null;
                                /** @enum {string} */
                                actorType: "user" | "agent" | "system";
                                createdAt: string;
                                feedback: string | null;
                                fromStatus: ("planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed") | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                toStatus: "planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed";
                                /** @description The newest version when it happened; null before a draft */
                                versionNumber: number | null;
                            }[];
                            format: string | null;
                            /** Format: uuid */
                            id: string;
                            keyword: string | null;
                            lastError: string | null;
                            /** @description A social post's images (media library ids), in order */
                            mediaIds: string[];
                            /** Format: uuid */
                            planId: string;
                            planName: string;
                            publishedUrl: string | null;
                            publishTo: components["schemas"]["PublishTo"];
                            revision: number;
                            /** @enum {string} */
                            status: "planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed";
                            /** Format: uuid */
                            tenantId: string;
                            /** @description What the work is called: its current version's title, or the topic before a draft */
                            title: string;
                            /** @description The brief's topic, as planned */
                            topic: string;
                            /** @enum {string} */
                            type: "blog_post" | "social_post" | "strategy";
                            updatedAt: string;
                            version: number;
                            versions: {
                                agentRunId: string | null;
                                /** @enum {string} */
                                authorType: "user" | "agent" | "system";
                                authorUserId: string | null;
                                body: string;
                                /** @description The writer's account of what it changed for the feedback; never published */
                                changeNote: string | null;
                                createdAt: string;
                                extra: unknown;
                                /** Format: uuid */
                                id: string;
                                number: number;
                                /** @description Written by the offline (deterministic, non-AI) adapter */
                                offline: boolean;
                                revision: number;
                                title: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenant/v1/activities/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The activity version you saw; a newer one answers 409 */
                        expectedVersion?: number;
                        feedback: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The network a social post is written for (linkedin, x, …) */
                            channel: string | null;
                            /** @description The connected site or account chosen for it; null: the first of its kind */
                            channelId: string | null;
                            clientRejectionCount: number;
                            createdAt: string;
                            currentVersionId: string | null;
                            dmRejectionCount: number;
                            dueOn: string | null;
                            events: {
                                /** @enum {string} */
                                action: "start_drafting" | "draft_ready" | "draft_failed" | "credits_short" | "credits_granted" | "dm_approve" | "dm_edit_approve" | "dm_reject" | "dm_retry" | "client_approve" | "client_reject" | "publish_start" | "publish_succeeded" | "publish_failed" | "retry_publish";
                                actorId: string | null;
                                /** @description The person who acted (user actors); null for agents and the system */
                                actorName: string | null;
                                /** @description The person's role in the workspace, or reviewer for platform staff */
                                actorRole: ("owner" | "admin" | "member" | "reviewer") | null;
                                /** @enum {string} */
                                actorType: "user" | "agent" | "system";
                                createdAt: string;
                                feedback: string | null;
                                fromStatus: ("planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed") | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                toStatus: "planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed";
                                /** @description The newest version when it happened; null before a draft */
                                versionNumber: number | null;
                            }[];
                            format: string | null;
                            /** Format: uuid */
                            id: string;
                            keyword: string | null;
                            lastError: string | null;
                            /** @description A social post's images (media library ids), in order */
                            mediaIds: string[];
                            /** Format: uuid */
                            planId: string;
                            planName: string;
                            publishedUrl: string | null;
                            publishTo: components["schemas"]["PublishTo"];
                            revision: number;
                            /** @enum {string} */
                            status: "planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed";
                            /** Format: uuid */
                            tenantId: string;
                            /** @description What the work is called: its current version's title, or the topic before a draft */
                            title: string;
                            /** @description The brief's topic, as planned */
                            topic: string;
                            /** @enum {string} */
                            type: "blog_post" | "social_post" | "strategy";
                            updatedAt: string;
                            version: number;
                            versions: {
                                agentRunId: string | null;
                                /** @enum {string} */
                                authorType: "user" | "agent" | "system";
                                authorUserId: string | null;
                                body: string;
                                /** @description The writer's account of what it changed for the feedback; never published */
                                changeNote: string | null;
                                createdAt: string;
                                extra: unknown;
                                /** Format: uuid */
                                id: string;
                                number: number;
                                /** @description Written by the offline (deterministic, non-AI) adapter */
                                offline: boolean;
                                revision: number;
                                title: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenant/v1/activities/{id}/retry-publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The activity version you saw; a newer one answers 409 */
                        expectedVersion?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The network a social post is written for (linkedin, x, …) */
                            channel: string | null;
                            /** @description The connected site or account chosen for it; null: the first of its kind */
                            channelId: string | null;
                            clientRejectionCount: number;
                            createdAt: string;
                            currentVersionId: string | null;
                            dmRejectionCount: number;
                            dueOn: string | null;
                            events: {
                                /** @enum {string} */
                                action: "start_drafting" | "draft_ready" | "draft_failed" | "credits_short" | "credits_granted" | "dm_approve" | "dm_edit_approve" | "dm_reject" | "dm_retry" | "client_approve" | "client_reject" | "publish_start" | "publish_succeeded" | "publish_failed" | "retry_publish";
                                actorId: string | null;
                                /** @description The person who acted (user actors); null for agents and the system */
                                actorName: string | null;
                                /** @description The person's role in the workspace, or reviewer for platform staff */
                                actorRole: ("owner" | "admin" | "member" | "reviewer") | null;
                                /** @enum {string} */
                                actorType: "user" | "agent" | "system";
                                createdAt: string;
                                feedback: string | null;
                                fromStatus: ("planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed") | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                toStatus: "planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed";
                                /** @description The newest version when it happened; null before a draft */
                                versionNumber: number | null;
                            }[];
                            format: string | null;
                            /** Format: uuid */
                            id: string;
                            keyword: string | null;
                            lastError: string | null;
                            /** @description A social post's images (media library ids), in order */
                            mediaIds: string[];
                            /** Format: uuid */
                            planId: string;
                            planName: string;
                            publishedUrl: string | null;
                            publishTo: components["schemas"]["PublishTo"];
                            revision: number;
                            /** @enum {string} */
                            status: "planned" | "drafting" | "waiting_for_credits" | "dm_review" | "needs_attention" | "client_review" | "client_approved" | "publishing" | "published" | "publish_failed";
                            /** Format: uuid */
                            tenantId: string;
                            /** @description What the work is called: its current version's title, or the topic before a draft */
                            title: string;
                            /** @description The brief's topic, as planned */
                            topic: string;
                            /** @enum {string} */
                            type: "blog_post" | "social_post" | "strategy";
                            updatedAt: string;
                            version: number;
                            versions: {
                                agentRunId: string | null;
                                /** @enum {string} */
                                authorType: "user" | "agent" | "system";
                                authorUserId: string | null;
                                body: string;
                                /** @description The writer's account of what it changed for the feedback; never published */
                                changeNote: string | null;
                                createdAt: string;
                                extra: unknown;
                                /** Format: uuid */
                                id: string;
                                number: number;
                                /** @description Written by the offline (deterministic, non-AI) adapter */
                                offline: boolean;
                                revision: number;
                                title: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenant/v1/activities/{id}/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenant/v1/agent-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    activityId?: string;
                    page?: number;
                    pageSize?: number;
                    role?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                activityId: string | null;
                                adapter: string;
                                attempts: number;
                                costUsd: number;
                                credits: number;
                                durationMs: number;
                                error: string | null;
                                finishedAt: string | null;
                                /** Format: uuid */
                                id: string;
                                inputTokens: number;
                                model: string;
                                offline: boolean;
                                outputTokens: number;
                                planId: string | null;
                                revision: number | null;
                                role: string;
                                startedAt: string;
                                /** @enum {string} */
                                status: "running" | "succeeded" | "failed";
                                wakeReason: string | null;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenant/v1/agents/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                [key: string]: unknown;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenant/v1/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Channel"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenant/v1/channels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenant/v1/channels/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Test connection: asks the site (or the network: is the account still listed for this sign-in?) again with the stored credentials and records the answer as the channel's health (a refusal is `health: needs_attention` with `lastError`, not an error answer). */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Channel"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenant/v1/channels/{kind}/oauth/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Redirects (302) to the network's consent page with a single-use `state` bound to this workspace and person, valid 10 minutes, and a PKCE challenge where the network takes one. `reconnect`: renew that channel's sign-in. 503 when the platform has no app keys for the network. */
        get: {
            parameters: {
                query?: {
                    reconnect?: string;
                };
                header?: never;
                path: {
                    kind: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenant/v1/channels/connections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A connect waiting for its person to pick an account (404 for anyone else, or once done or expired). */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accounts: {
                                avatarUrl?: string;
                                connected: boolean;
                                externalId: string;
                                handle?: string;
                                name: string;
                                type: string;
                            }[];
                            expiresAt: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "wordpress" | "linkedin" | "facebook" | "instagram" | "google_business" | "x";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenant/v1/channels/connections/{id}/select": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Connects the account picked; 409 when it is already connected in this workspace. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        externalId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Channel"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenant/v1/channels/oauth/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description What the network sent the person back with (the Dashboard's callback page forwards it). The state is used up whatever follows; a forged, replayed, expired or someone else's state answers 400 and stores nothing. A declined consent or a network's refusal answers 422 CHANNEL_CHECK_FAILED in plain words. Then: `choose` (pick an account: GET /channels/connections/:id) or `reconnected`. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code?: string;
                        error?: string;
                        errorDescription?: string;
                        state: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accounts: {
                                avatarUrl?: string;
                                externalId: string;
                                handle?: string;
                                name: string;
                                type: string;
                            }[];
                            /** Format: uuid */
                            connectionId: string;
                            /** @enum {string} */
                            kind: "wordpress" | "linkedin" | "facebook" | "instagram" | "google_business" | "x";
                            /** @enum {string} */
                            outcome: "choose";
                        } | {
                            /** Format: uuid */
                            channelId: string;
                            /** @enum {string} */
                            outcome: "reconnected";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenant/v1/channels/wordpress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Checks the credentials against the site (users/me) before saving; 422 CHANNEL_CHECK_FAILED says why the site refused, in plain words, with `details.fields` naming the field to fix. Nothing is saved on failure. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A WordPress application password; stored encrypted, never returned */
                        applicationPassword: string;
                        name: string;
                        siteUrl: string;
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Channel"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenant/v1/client-context": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            current: {
                                audience: string;
                                brandVoice: string;
                                createdAt: string;
                                createdById: string | null;
                                products: string;
                                version: number;
                            } | null;
                            history: {
                                audience: string;
                                brandVoice: string;
                                createdAt: string;
                                createdById: string | null;
                                products: string;
                                version: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        audience: string;
                        brandVoice: string;
                        products: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            audience: string;
                            brandVoice: string;
                            createdAt: string;
                            createdById: string | null;
                            products: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenant/v1/credits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            available: number;
                            ledger: {
                                items: {
                                    agentRunId: string | null;
                                    amount: number;
                                    createdAt: string;
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    kind: "grant" | "run" | "adjustment";
                                    note: string | null;
                                    runKey: string | null;
                                    /** @enum {string} */
                                    status: "reserved" | "settled" | "released" | "posted";
                                }[];
                                page: number;
                                pageSize: number;
                                total: number;
                            };
                            reserved: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenant/v1/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                byteSize: number;
                                /** @enum {string} */
                                contentType: "image/png" | "image/jpeg" | "image/gif" | "image/webp";
                                createdAt: string;
                                filename: string;
                                /** Format: uuid */
                                id: string;
                                sha256: string;
                                uploadedById: string | null;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /** @description One or more images (png, jpeg, webp, gif), any field name */
                        files: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                byteSize: number;
                                /** @enum {string} */
                                contentType: "image/png" | "image/jpeg" | "image/gif" | "image/webp";
                                createdAt: string;
                                filename: string;
                                /** Format: uuid */
                                id: string;
                                sha256: string;
                                uploadedById: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenant/v1/media/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            byteSize: number;
                            /** @enum {string} */
                            contentType: "image/png" | "image/jpeg" | "image/gif" | "image/webp";
                            createdAt: string;
                            filename: string;
                            /** Format: uuid */
                            id: string;
                            sha256: string;
                            uploadedById: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete: {
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenant/v1/media/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
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
                /** @description The image bytes, with their sniffed content type */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/gif": string;
                        "image/jpeg": string;
                        "image/png": string;
                        "image/webp": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenant/v1/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                email: string;
                                invitationPending: boolean;
                                joinedAt: string;
                                name: string;
                                /** @enum {string} */
                                role: "owner" | "admin" | "member";
                                /** Format: uuid */
                                userId: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        name: string;
                        /**
                         * @default member
                         * @enum {string}
                         */
                        role?: "owner" | "admin" | "member";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            email: string;
                            invitationPending: boolean;
                            joinedAt: string;
                            name: string;
                            /** @enum {string} */
                            role: "owner" | "admin" | "member";
                            /** Format: uuid */
                            userId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenant/v1/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        role: "owner" | "admin" | "member";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            email: string;
                            invitationPending: boolean;
                            joinedAt: string;
                            name: string;
                            /** @enum {string} */
                            role: "owner" | "admin" | "member";
                            /** Format: uuid */
                            userId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/tenant/v1/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    status?: "draft" | "pending_approval" | "approved" | "rejected";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                activityCounts: {
                                    [key: string]: number;
                                };
                                /** @enum {string} */
                                cadence: "weekly" | "monthly";
                                createdAt: string;
                                /** @description Credits approving the plan will spend: the planner's run and each deliverable's first draft */
                                creditEstimate: {
                                    drafts: {
                                        count: number;
                                        credits: number;
                                        creditsEach: number;
                                        /** @enum {string} */
                                        deliverableType: "blog_post" | "social_post" | "strategy";
                                    }[];
                                    planner: number;
                                    total: number;
                                };
                                decidedAt: string | null;
                                /** Format: uuid */
                                id: string;
                                items: {
                                    channel: string | null;
                                    /** @description The connected site or account its activities are published to */
                                    channelId: string | null;
                                    /** @enum {string} */
                                    deliverableType: "blog_post" | "social_post" | "strategy";
                                    notes: string | null;
                                    quantity: number;
                                }[];
                                name: string;
                                periodCount: number;
                                planning: {
                                    error: string | null;
                                    /** @enum {string} */
                                    status: "running" | "succeeded" | "failed";
                                } | null;
                                rejectionReason: string | null;
                                startDate: string;
                                /** @enum {string} */
                                status: "draft" | "pending_approval" | "approved" | "rejected";
                                submittedAt: string | null;
                                totalDeliverables: number;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        cadence: "weekly" | "monthly";
                        items: {
                            channel?: string;
                            /**
                             * Format: uuid
                             * @description The connected site or account its activities are published to; absent: the first of their kind
                             */
                            channelId?: string;
                            /** @enum {string} */
                            deliverableType: "blog_post" | "social_post" | "strategy";
                            notes?: string;
                            quantity: number;
                        }[];
                        name: string;
                        periodCount: number;
                        /**
                         * Format: date
                         * @description First day of the first period, YYYY-MM-DD
                         */
                        startDate: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activityCounts: {
                                [key: string]: number;
                            };
                            /** @enum {string} */
                            cadence: "weekly" | "monthly";
                            createdAt: string;
                            /** @description Credits approving the plan will spend: the planner's run and each deliverable's first draft */
                            creditEstimate: {
                                drafts: {
                                    count: number;
                                    credits: number;
                                    creditsEach: number;
                                    /** @enum {string} */
                                    deliverableType: "blog_post" | "social_post" | "strategy";
                                }[];
                                planner: number;
                                total: number;
                            };
                            decidedAt: string | null;
                            /** Format: uuid */
                            id: string;
                            items: {
                                channel: string | null;
                                /** @description The connected site or account its activities are published to */
                                channelId: string | null;
                                /** @enum {string} */
                                deliverableType: "blog_post" | "social_post" | "strategy";
                                notes: string | null;
                                quantity: number;
                            }[];
                            name: string;
                            periodCount: number;
                            planning: {
                                error: string | null;
                                /** @enum {string} */
                                status: "running" | "succeeded" | "failed";
                            } | null;
                            rejectionReason: string | null;
                            startDate: string;
                            /** @enum {string} */
                            status: "draft" | "pending_approval" | "approved" | "rejected";
                            submittedAt: string | null;
                            totalDeliverables: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenant/v1/plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activityCounts: {
                                [key: string]: number;
                            };
                            /** @enum {string} */
                            cadence: "weekly" | "monthly";
                            createdAt: string;
                            /** @description Credits approving the plan will spend: the planner's run and each deliverable's first draft */
                            creditEstimate: {
                                drafts: {
                                    count: number;
                                    credits: number;
                                    creditsEach: number;
                                    /** @enum {string} */
                                    deliverableType: "blog_post" | "social_post" | "strategy";
                                }[];
                                planner: number;
                                total: number;
                            };
                            decidedAt: string | null;
                            /** Format: uuid */
                            id: string;
                            items: {
                                channel: string | null;
                                /** @description The connected site or account its activities are published to */
                                channelId: string | null;
                                /** @enum {string} */
                                deliverableType: "blog_post" | "social_post" | "strategy";
                                notes: string | null;
                                quantity: number;
                            }[];
                            name: string;
                            periodCount: number;
                            planning: {
                                error: string | null;
                                /** @enum {string} */
                                status: "running" | "succeeded" | "failed";
                            } | null;
                            rejectionReason: string | null;
                            startDate: string;
                            /** @enum {string} */
                            status: "draft" | "pending_approval" | "approved" | "rejected";
                            submittedAt: string | null;
                            totalDeliverables: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        cadence?: "weekly" | "monthly";
                        items?: {
                            channel?: string;
                            /**
                             * Format: uuid
                             * @description The connected site or account its activities are published to; absent: the first of their kind
                             */
                            channelId?: string;
                            /** @enum {string} */
                            deliverableType: "blog_post" | "social_post" | "strategy";
                            notes?: string;
                            quantity: number;
                        }[];
                        name?: string;
                        periodCount?: number;
                        /**
                         * Format: date
                         * @description First day of the first period, YYYY-MM-DD
                         */
                        startDate?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activityCounts: {
                                [key: string]: number;
                            };
                            /** @enum {string} */
                            cadence: "weekly" | "monthly";
                            createdAt: string;
                            /** @description Credits approving the plan will spend: the planner's run and each deliverable's first draft */
                            creditEstimate: {
                                drafts: {
                                    count: number;
                                    credits: number;
                                    creditsEach: number;
                                    /** @enum {string} */
                                    deliverableType: "blog_post" | "social_post" | "strategy";
                                }[];
                                planner: number;
                                total: number;
                            };
                            decidedAt: string | null;
                            /** Format: uuid */
                            id: string;
                            items: {
                                channel: string | null;
                                /** @description The connected site or account its activities are published to */
                                channelId: string | null;
                                /** @enum {string} */
                                deliverableType: "blog_post" | "social_post" | "strategy";
                                notes: string | null;
                                quantity: number;
                            }[];
                            name: string;
                            periodCount: number;
                            planning: {
                                error: string | null;
                                /** @enum {string} */
                                status: "running" | "succeeded" | "failed";
                            } | null;
                            rejectionReason: string | null;
                            startDate: string;
                            /** @enum {string} */
                            status: "draft" | "pending_approval" | "approved" | "rejected";
                            submittedAt: string | null;
                            totalDeliverables: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/tenant/v1/plans/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Approve even though the credit estimate is above the balance (402 otherwise) */
                        acceptShortfall?: boolean;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activityCounts: {
                                [key: string]: number;
                            };
                            /** @enum {string} */
                            cadence: "weekly" | "monthly";
                            createdAt: string;
                            /** @description Credits approving the plan will spend: the planner's run and each deliverable's first draft */
                            creditEstimate: {
                                drafts: {
                                    count: number;
                                    credits: number;
                                    creditsEach: number;
                                    /** @enum {string} */
                                    deliverableType: "blog_post" | "social_post" | "strategy";
                                }[];
                                planner: number;
                                total: number;
                            };
                            decidedAt: string | null;
                            /** Format: uuid */
                            id: string;
                            items: {
                                channel: string | null;
                                /** @description The connected site or account its activities are published to */
                                channelId: string | null;
                                /** @enum {string} */
                                deliverableType: "blog_post" | "social_post" | "strategy";
                                notes: string | null;
                                quantity: number;
                            }[];
                            name: string;
                            periodCount: number;
                            planning: {
                                error: string | null;
                                /** @enum {string} */
                                status: "running" | "succeeded" | "failed";
                            } | null;
                            rejectionReason: string | null;
                            startDate: string;
                            /** @enum {string} */
                            status: "draft" | "pending_approval" | "approved" | "rejected";
                            submittedAt: string | null;
                            totalDeliverables: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenant/v1/plans/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activityCounts: {
                                [key: string]: number;
                            };
                            /** @enum {string} */
                            cadence: "weekly" | "monthly";
                            createdAt: string;
                            /** @description Credits approving the plan will spend: the planner's run and each deliverable's first draft */
                            creditEstimate: {
                                drafts: {
                                    count: number;
                                    credits: number;
                                    creditsEach: number;
                                    /** @enum {string} */
                                    deliverableType: "blog_post" | "social_post" | "strategy";
                                }[];
                                planner: number;
                                total: number;
                            };
                            decidedAt: string | null;
                            /** Format: uuid */
                            id: string;
                            items: {
                                channel: string | null;
                                /** @description The connected site or account its activities are published to */
                                channelId: string | null;
                                /** @enum {string} */
                                deliverableType: "blog_post" | "social_post" | "strategy";
                                notes: string | null;
                                quantity: number;
                            }[];
                            name: string;
                            periodCount: number;
                            planning: {
                                error: string | null;
                                /** @enum {string} */
                                status: "running" | "succeeded" | "failed";
                            } | null;
                            rejectionReason: string | null;
                            startDate: string;
                            /** @enum {string} */
                            status: "draft" | "pending_approval" | "approved" | "rejected";
                            submittedAt: string | null;
                            totalDeliverables: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenant/v1/plans/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activityCounts: {
                                [key: string]: number;
                            };
                            /** @enum {string} */
                            cadence: "weekly" | "monthly";
                            createdAt: string;
                            /** @description Credits approving the plan will spend: the planner's run and each deliverable's first draft */
                            creditEstimate: {
                                drafts: {
                                    count: number;
                                    credits: number;
                                    creditsEach: number;
                                    /** @enum {string} */
                                    deliverableType: "blog_post" | "social_post" | "strategy";
                                }[];
                                planner: number;
                                total: number;
                            };
                            decidedAt: string | null;
                            /** Format: uuid */
                            id: string;
                            items: {
                                channel: string | null;
                                /** @description The connected site or account its activities are published to */
                                channelId: string | null;
                                /** @enum {string} */
                                deliverableType: "blog_post" | "social_post" | "strategy";
                                notes: string | null;
                                quantity: number;
                            }[];
                            name: string;
                            periodCount: number;
                            planning: {
                                error: string | null;
                                /** @enum {string} */
                                status: "running" | "succeeded" | "failed";
                            } | null;
                            rejectionReason: string | null;
                            startDate: string;
                            /** @enum {string} */
                            status: "draft" | "pending_approval" | "approved" | "rejected";
                            submittedAt: string | null;
                            totalDeliverables: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenant/v1/workspace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            slug: string;
                            /** @enum {string} */
                            status: "active" | "suspended";
                            timezone: string;
                            /** @enum {string} */
                            yourRole: "owner" | "admin" | "member";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        timezone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            slug: string;
                            /** @enum {string} */
                            status: "active" | "suspended";
                            timezone: string;
                            /** @enum {string} */
                            yourRole: "owner" | "admin" | "member";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Channel: {
            accountHandle: string | null;
            accountName: string | null;
            accountRoles: string[];
            /** @description Social networks: organization, member, page, business account, location, user */
            accountType: string | null;
            avatarUrl: string | null;
            createdAt: string;
            /** @description Social networks: the network's id of the account published as */
            externalAccountId: string | null;
            /**
             * @description healthy: the last check or publish went well; needs_attention: it failed (see lastError); needs_reconnect: the network stopped accepting the sign-in
             * @enum {string}
             */
            health: "healthy" | "needs_attention" | "needs_reconnect" | "not_checked";
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "wordpress" | "linkedin" | "facebook" | "instagram" | "google_business" | "x";
            lastCheckedAt: string | null;
            /** @description The last failure in plain words, with the next step */
            lastError: string | null;
            lastPublishedAt: string | null;
            name: string;
            siteName: string | null;
            /** @description WordPress: the site's address; null for social networks */
            siteUrl: string | null;
            /** @enum {string} */
            status: "connected" | "needs_reconnect";
            /** @description OAuth: when the access token expires (it is renewed before then) */
            tokenExpiresAt: string | null;
            /** @description WordPress: the user it publishes as; null for social networks */
            username: string | null;
        };
        ChannelInput: {
            accountHandle: string | null;
            accountName: string | null;
            accountRoles: string[];
            /** @description Social networks: organization, member, page, business account, location, user */
            accountType: string | null;
            avatarUrl: string | null;
            createdAt: string;
            /** @description Social networks: the network's id of the account published as */
            externalAccountId: string | null;
            /**
             * @description healthy: the last check or publish went well; needs_attention: it failed (see lastError); needs_reconnect: the network stopped accepting the sign-in
             * @enum {string}
             */
            health: "healthy" | "needs_attention" | "needs_reconnect" | "not_checked";
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "wordpress" | "linkedin" | "facebook" | "instagram" | "google_business" | "x";
            lastCheckedAt: string | null;
            /** @description The last failure in plain words, with the next step */
            lastError: string | null;
            lastPublishedAt: string | null;
            name: string;
            siteName: string | null;
            /** @description WordPress: the site's address; null for social networks */
            siteUrl: string | null;
            /** @enum {string} */
            status: "connected" | "needs_reconnect";
            /** @description OAuth: when the access token expires (it is renewed before then) */
            tokenExpiresAt: string | null;
            /** @description WordPress: the user it publishes as; null for social networks */
            username: string | null;
        };
        Error: {
            error: {
                /** @enum {string} */
                code: "BAD_REQUEST" | "VALIDATION_ERROR" | "INVALID_BODY" | "URI_TOO_LONG" | "PAYLOAD_TOO_LARGE" | "FILE_TOO_LARGE" | "TOO_MANY_FILES" | "NO_FILE" | "INVALID_MULTIPART" | "UNSUPPORTED_MEDIA_TYPE" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "INVALID_TOKEN" | "INVALID_CREDENTIALS" | "ACCOUNT_LOCKED" | "FORBIDDEN" | "TENANT_SUSPENDED" | "TENANT_SCOPE_VIOLATION" | "RATE_LIMITED" | "NOT_FOUND" | "CONFLICT" | "INVALID_TRANSITION" | "INVALID_STATE" | "STALE_VERSION" | "EMAIL_TAKEN" | "ALREADY_MEMBER" | "LAST_OWNER" | "INSUFFICIENT_CREDITS" | "NEGATIVE_BALANCE" | "NOT_REPLAYABLE" | "ALREADY_REPLAYED" | "INVALID_JOB_PAYLOAD" | "CHANNEL_CHECK_FAILED" | "NOT_READY" | "SERVICE_UNAVAILABLE" | "QUEUE_UNAVAILABLE" | "REQUEST_TIMEOUT" | "INTERNAL_ERROR" | "METHOD_NOT_ALLOWED" | "NOT_ACCEPTABLE" | "HEADERS_TOO_LARGE";
                details?: unknown;
                message: string;
            };
        };
        ErrorInput: {
            error: {
                /** @enum {string} */
                code: "BAD_REQUEST" | "VALIDATION_ERROR" | "INVALID_BODY" | "URI_TOO_LONG" | "PAYLOAD_TOO_LARGE" | "FILE_TOO_LARGE" | "TOO_MANY_FILES" | "NO_FILE" | "INVALID_MULTIPART" | "UNSUPPORTED_MEDIA_TYPE" | "UNAUTHORIZED" | "TOKEN_EXPIRED" | "INVALID_TOKEN" | "INVALID_CREDENTIALS" | "ACCOUNT_LOCKED" | "FORBIDDEN" | "TENANT_SUSPENDED" | "TENANT_SCOPE_VIOLATION" | "RATE_LIMITED" | "NOT_FOUND" | "CONFLICT" | "INVALID_TRANSITION" | "INVALID_STATE" | "STALE_VERSION" | "EMAIL_TAKEN" | "ALREADY_MEMBER" | "LAST_OWNER" | "INSUFFICIENT_CREDITS" | "NEGATIVE_BALANCE" | "NOT_REPLAYABLE" | "ALREADY_REPLAYED" | "INVALID_JOB_PAYLOAD" | "CHANNEL_CHECK_FAILED" | "NOT_READY" | "SERVICE_UNAVAILABLE" | "QUEUE_UNAVAILABLE" | "REQUEST_TIMEOUT" | "INTERNAL_ERROR" | "METHOD_NOT_ALLOWED" | "NOT_ACCEPTABLE" | "HEADERS_TOO_LARGE";
                details?: unknown;
                message: string;
            };
        };
        PublishTo: {
            /** @description The channel it would be published to now; null when none is connected (or none is needed) */
            channel: {
                accountHandle: string | null;
                avatarUrl: string | null;
                /** @enum {string} */
                health: "healthy" | "needs_attention" | "needs_reconnect" | "not_checked";
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: "wordpress" | "linkedin" | "facebook" | "instagram" | "google_business" | "x";
                lastCheckedAt: string | null;
                lastError: string | null;
                name: string;
                siteUrl: string | null;
            } | null;
            /**
             * @description wordpress: a connected WordPress site; social: a connected social account; app: delivered in the app
             * @enum {string}
             */
            target: "wordpress" | "social" | "app";
        };
        PublishToInput: {
            /** @description The channel it would be published to now; null when none is connected (or none is needed) */
            channel: {
                accountHandle: string | null;
                avatarUrl: string | null;
                /** @enum {string} */
                health: "healthy" | "needs_attention" | "needs_reconnect" | "not_checked";
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: "wordpress" | "linkedin" | "facebook" | "instagram" | "google_business" | "x";
                lastCheckedAt: string | null;
                lastError: string | null;
                name: string;
                siteUrl: string | null;
            } | null;
            /**
             * @description wordpress: a connected WordPress site; social: a connected social account; app: delivered in the app
             * @enum {string}
             */
            target: "wordpress" | "social" | "app";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
