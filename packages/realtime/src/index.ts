import type { Redis } from "ioredis";
import { z } from "zod";

/** The one pub/sub channel every process publishes to; each API instance relays to its own sockets. */
export const REALTIME_CHANNEL = "realtime:events";

export const rooms = {
  tenant: (tenantId: string) => `tenant:${tenantId}`,
  user: (userId: string) => `user:${userId}`,
  dm: "dm:live",
} as const;

export const realtimeEventSchema = z.object({
  rooms: z.array(z.string()).min(1),
  event: z.string(),
  payload: z.record(z.string(), z.unknown()),
});
export type RealtimeEvent = z.infer<typeof realtimeEventSchema>;

const LIVE_TTL_SECONDS = 30 * 60;
export const liveKey = (tenantId: string, role: string) => `agent_live:${tenantId}:${role}`;
export const outputStreamKey = (activityId: string) => `activity_output:${activityId}`;

export interface AgentLiveState {
  tenantId: string;
  role: string;
  activityId?: string;
  planId?: string;
  state: "started" | "progress" | "finished" | "failed";
  detail?: string;
  at: string;
}

/**
 * What workers and the API publish. One shared Redis connection per process:
 * pass the process's client in.
 */
export function createRealtimePublisher(redis: Redis) {
  return {
    async publish(event: RealtimeEvent): Promise<void> {
      await redis.publish(REALTIME_CHANNEL, JSON.stringify(event));
    },
    /** Latest state of a running agent, kept 30 min so a page that reconnects catches up. */
    async agentState(state: Omit<AgentLiveState, "at">): Promise<void> {
      const value: AgentLiveState = { ...state, at: new Date().toISOString() };
      const event: RealtimeEvent = {
        rooms: [rooms.tenant(state.tenantId), rooms.dm],
        event: "agent:event",
        payload: { ...value },
      };
      // One round trip: the state is stored before it is announced (a pipeline keeps the order).
      const replies = await redis
        .pipeline()
        .set(liveKey(state.tenantId, state.role), JSON.stringify(value), "EX", LIVE_TTL_SECONDS)
        .publish(REALTIME_CHANNEL, JSON.stringify(event))
        .exec();
      const failed = replies?.find(([err]) => err)?.[0];
      if (failed) throw failed;
    },
    /** One chunk of an agent's output, in order (a Redis stream, so late readers replay it). */
    async appendOutput(
      activityId: string,
      entry: { revision: number; kind: "chunk" | "done" | "error"; text?: string; status?: string },
    ): Promise<void> {
      const key = outputStreamKey(activityId);
      await redis
        .multi()
        .xadd(
          key,
          "MAXLEN",
          "~",
          "5000",
          "*",
          "revision",
          String(entry.revision),
          "kind",
          entry.kind,
          "text",
          entry.text ?? "",
          "status",
          entry.status ?? "",
        )
        .expire(key, LIVE_TTL_SECONDS)
        .exec();
    },
  };
}

export type RealtimePublisher = ReturnType<typeof createRealtimePublisher>;

export async function readAgentLive(
  redis: Redis,
  tenantId: string,
  roles: readonly string[],
): Promise<AgentLiveState[]> {
  const values = await redis.mget(...roles.map((r) => liveKey(tenantId, r)));
  return values.filter((v): v is string => v !== null).map((v) => JSON.parse(v) as AgentLiveState);
}
