/** How a session is delivered: a live online class, face to face, or courseware learnt online at any time. */
export const DELIVERY_MODES = Object.freeze(['LIVE_ONLINE', 'FACE_TO_FACE', 'ONLINE_COURSEWARE'] as const);

export type DeliveryMode = (typeof DELIVERY_MODES)[number];
