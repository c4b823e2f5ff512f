export { hashPassword, verifyPassword } from "./passwords";
export { createTokenSigner, generateOpaqueToken, hashOpaqueToken, type TokenSigner } from "./tokens";
export * from "./claims";
