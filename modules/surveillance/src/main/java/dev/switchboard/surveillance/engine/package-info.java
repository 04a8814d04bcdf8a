/**
 * Surveillance chat's logic without JavaFX: the camera-event generator, the store, the Lucene index with hybrid
 * search, the NLP and context engines (intents, entities, time expressions, memory), the answerer, insights and the
 * frame renderer.
 */
package dev.switchboard.surveillance.engine;
