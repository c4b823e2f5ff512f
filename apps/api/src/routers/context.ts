import type { TokenSigner } from "@leadmetrics/auth";
import type { SocialProviders } from "@leadmetrics/channels";
import type { OutboxRelay } from "@leadmetrics/queue";
import type { RealtimePublisher } from "@leadmetrics/realtime";
import type { GuardName } from "../auth/guards";
import type { InviteService } from "../auth/invites";
import type { LoginThrottle } from "../auth/login-throttle";
import type { SessionService } from "../auth/session-service";
import type { AppDeps } from "../deps";

/** What route factories are given: the process's dependencies and the auth services built on them. */
export interface RouterContext extends AppDeps {
  sessions: SessionService;
  signer: TokenSigner;
  throttle: LoginThrottle;
  invites: InviteService;
  realtime: RealtimePublisher;
  /** Moves jobs staged with a change to BullMQ after the commit; retries what Redis refused. */
  outbox: OutboxRelay;
  /** The client of each social network the platform has app keys for. */
  socialProviders: SocialProviders;
  guards: Record<Exclude<GuardName, "metrics">, (req: import("fastify").FastifyRequest) => Promise<void>>;
}
