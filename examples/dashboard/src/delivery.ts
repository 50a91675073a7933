declare const __STREAMKIT_DELIVERY__: ({ customerCode: string } | { deliveryOrigin: string }) & {
  sdkUrl?: string;
};

/** Set by vite.config.ts from the server's configuration. */
export const delivery = __STREAMKIT_DELIVERY__;
