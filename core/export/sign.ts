// Signs a configuration profile with a certificate IT provides, as CMS/PKCS#7 SignedData with the
// profile inside (what `openssl smime -sign -nodetach -outform der` makes). Apple then shows the
// signer instead of "Unsigned". node-forge loads only when a profile is signed.

import type forgeModule from 'node-forge';

/** PEM texts, so that the request stays plain data across the IPC bridge. */
export interface SigningIdentity {
  certificate: string;
  /** An unencrypted RSA private key (node-forge signs with RSA only). */
  privateKey: string;
  /** Intermediate certificates, sent along so devices can build the chain. */
  chain?: string;
}

type Forge = typeof forgeModule;

async function loadForge(): Promise<Forge> {
  return (await import('node-forge')).default;
}

/**
 * Parses and checks an identity; throws an Error whose message says what is wrong (not PEM, not RSA,
 * a key of another certificate). The command line calls it first to refuse bad files as bad input.
 */
export async function checkSigningIdentity(identity: SigningIdentity): Promise<void> {
  parseIdentity(await loadForge(), identity);
}

export async function signProfile(content: string, identity: SigningIdentity): Promise<Buffer> {
  const forge = await loadForge();
  const { certificate, key, chain } = parseIdentity(forge, identity);
  const signed = forge.pkcs7.createSignedData();
  signed.content = forge.util.createBuffer(Buffer.from(content, 'utf8').toString('binary'));
  signed.addCertificate(certificate);
  for (const extra of chain) signed.addCertificate(extra);
  // No signing time: the signature then depends on the content and the key only (RSA PKCS#1 v1.5
  // is deterministic), so the same profile signs to the same bytes.
  signed.addSigner({
    key,
    certificate,
    digestAlgorithm: forge.pki.oids.sha256!,
    authenticatedAttributes: [
      { type: forge.pki.oids.contentType!, value: forge.pki.oids.data! },
      { type: forge.pki.oids.messageDigest! },
    ],
  });
  signed.sign();
  return Buffer.from(forge.asn1.toDer(signed.toAsn1()).getBytes(), 'binary');
}

function parseIdentity(forge: Forge, identity: SigningIdentity) {
  const certificate = forge.pki.certificateFromPem(identity.certificate);
  const key = forge.pki.privateKeyFromPem(identity.privateKey);
  const publicKey = certificate.publicKey as forgeModule.pki.rsa.PublicKey;
  if (publicKey.n?.compareTo(key.n) !== 0 || publicKey.e.compareTo(key.e) !== 0) {
    throw new Error('the private key does not belong to the certificate');
  }
  const chain = (
    identity.chain?.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []
  ).map((pem) => forge.pki.certificateFromPem(pem));
  return { certificate, key, chain };
}
