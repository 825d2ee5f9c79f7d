import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { DomainName, HttpApi, HttpMethod, HttpRoute, HttpRouteKey, HttpStage, LogGroupLogDestination, SecurityPolicy } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { methodsOf, needsToken, routeKeysOf, UNMATCHED_ROUTE, type RouteContract } from '../../shared/http/contract';

export interface ApiProps {
  /** The route table (shared/http/routes.ts): every route, its function and who may call it. */
  routes: readonly RouteContract[];
  /** The function serving each name that appears in the route table. */
  functions: ReadonlyMap<string, IFunction>;
  /** JWT issuer and audience (Entra ID: `https://login.microsoftonline.com/<tenant>/v2.0`, the client id). */
  jwtIssuer: string;
  jwtAudience: string;
  /** Default stage throttle; a municipality's staff make a few requests a second at most. */
  throttle?: { rateLimit: number; burstLimit: number };
  logRetention?: RetentionDays;
  /** A custom domain (regional, TLS 1.2) and its ACM certificate in the same region. */
  customDomain?: { domainName: string; certificateArn: string };
}

/**
 * The HTTP API, built from the same route table the local server uses. Every route that needs a
 * token (`needsToken`) is behind the JWT authorizer; the public ones (`/health`, `/openapi.json`,
 * `/offentlig/…`, the workspace's sign-in and stylesheet), those a link opens (`/p/…`,
 * `/calendar/…` feeds) and the workspace's pages (their session cookie is the credential) have
 * none. The authorizer checks signature, issuer, audience and expiry only; roles are checked by the
 * router, exactly as locally.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;
  readonly domainName?: DomainName;
  /** The created routes by route key (`GET /uppdrag/{id}`). */
  readonly routes = new Map<string, HttpRoute>();

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);

    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Bevakning: follow-up of political decisions',
      createDefaultStage: false,
    });

    if (props.customDomain) {
      this.domainName = new DomainName(this, 'DomainName', {
        domainName: props.customDomain.domainName,
        certificate: Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificateArn),
        securityPolicy: SecurityPolicy.TLS_1_2,
      });
    }

    this.accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.logRetention ?? RetentionDays.THREE_MONTHS });
    const throttle = props.throttle ?? { rateLimit: 25, burstLimit: 50 };
    this.stage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle,
      ...(this.domainName ? { domainMapping: { domainName: this.domainName } } : {}),
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        // The route key, never the raw path: a signed link's token may sit in the path under /p/.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            routeKey: '$context.routeKey',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });

    const authorizer = new HttpJwtAuthorizer('EntraId', props.jwtIssuer, {
      authorizerName: 'jwt',
      jwtAudience: [props.jwtAudience],
      identitySource: ['$request.header.Authorization'],
    });

    const integrations = new Map<string, HttpLambdaIntegration>();
    const integrationFor = (name: string) => {
      let integration = integrations.get(name);
      if (!integration) {
        const fn = props.functions.get(name);
        if (!fn) throw new Error(`The route table names function "${name}", which the app stack did not create.`);
        integration = new HttpLambdaIntegration(`${name}-integration`, fn);
        integrations.set(name, integration);
      }
      return integration;
    };

    for (const route of props.routes) {
      const created = this.httpApi.addRoutes({
        path: route.path,
        methods: methodsOf(route).map((method) => HttpMethod[method]),
        integration: integrationFor(route.function),
        ...(needsToken(route) ? { authorizer } : {}),
      });
      const keys = routeKeysOf(route);
      if (created.length !== keys.length) throw new Error(`Routes not created for ${keys.join(', ')}`);
      created.forEach((r, i) => {
        this.routes.set(keys[i]!, r);
        if (!needsToken(route)) {
          Validations.of(r).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason:
              route.access === 'session'
                ? `${keys[i]} is public by contract (access 'session' in shared/http/routes): a page of the registrars' workspace, whose credential is the sealed session cookie (and, for a POST, the session's form token), checked by the function.`
                : route.access === 'public'
                  ? `${keys[i]} is public by contract (access 'public' in shared/http/routes): it serves only what anyone may read (health, the API document, the workspace's sign-in and stylesheet, a body's follow-up an admin has published).`
                  : `${keys[i]} is opened by a link by contract (access 'link' in shared/http/routes): the signed link or secret token in its path is the credential.`,
          });
        }
      });
    }

    // Every other address: "Sidan finns inte" for a browser, the contract's JSON 404 for a program, never API Gateway's own English.
    const unmatched = new HttpRoute(this, 'UnmatchedRoute', { httpApi: this.httpApi, routeKey: HttpRouteKey.DEFAULT, integration: integrationFor(UNMATCHED_ROUTE.function) });
    this.routes.set(UNMATCHED_ROUTE.routeKey, unmatched);
    Validations.of(unmatched).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: `${UNMATCHED_ROUTE.routeKey} matches only addresses no route has (UNMATCHED_ROUTE in shared/http/contract.ts): its function answers each with 404 and shows nothing but the signed-in person's own navigation.`,
    });
  }

  /** Base URL of the API (the execute-api endpoint of the $default stage). */
  get url(): string {
    return this.httpApi.apiEndpoint;
  }
}
