/**
 * pnpm bench:publish — only the publishing part of `pnpm bench`: posts/s per network against its
 * local server, through the whole job path and through the network's client alone. Writes nothing.
 */
import { benchPublish, formatPublishFigures } from "./publish";
import { startBenchStack } from "./stack";

const stack = await startBenchStack();
try {
  for (const line of formatPublishFigures(await benchPublish(stack, Number(process.env.BENCH_PUBLISH_POSTS ?? 100))))
    console.log(line);
} finally {
  await stack.stop();
}
