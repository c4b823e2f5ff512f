export * from "./claims";
export { hashPassword, verifyPassword } from "./passwords";
export { createTokenSigner, generateOpaqueToken, hashOpaqueToken, type TokenSigner } from "./tokens";
