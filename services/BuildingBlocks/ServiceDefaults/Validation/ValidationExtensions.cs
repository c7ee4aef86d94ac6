using System.Reflection;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.ServiceDefaults.Validation;

public static class ValidationExtensions
{
    /// <summary>Registers every FluentValidation validator found in the given assembly.</summary>
    public static IServiceCollection AddValidatorsOf<TMarker>(this IServiceCollection services) =>
        services.AddValidatorsFromAssemblyContaining<TMarker>(ServiceLifetime.Singleton, includeInternalTypes: true);

    /// <summary>
    /// Validates, before the handler runs, every argument of the endpoint (or of every endpoint
    /// in a group) for which a validator is registered. A failure is a 400 validation problem
    /// with the errors keyed by the JSON path of the field (<c>lines[0].quantity</c>).
    /// </summary>
    public static TBuilder WithRequestValidation<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilterFactory(CreateFilter);
        return builder;
    }

    private static EndpointFilterDelegate CreateFilter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var validated = context.MethodInfo.GetParameters()
            .Select((parameter, index) => (Index: index, Validator: FindValidator(context.ApplicationServices, parameter)))
            .Where(candidate => candidate.Validator is not null)
            .Select(candidate => (candidate.Index, Validator: candidate.Validator!))
            .ToArray();

        if (validated.Length == 0)
        {
            return next;
        }

        return async invocation =>
        {
            var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var (index, validator) in validated)
            {
                if (invocation.Arguments[index] is not { } argument)
                {
                    continue;
                }

                var result = await validator.ValidateAsync(
                    new ValidationContext<object>(argument),
                    invocation.HttpContext.RequestAborted);
                foreach (var failure in result.Errors)
                {
                    var key = JsonFieldPath.FromPropertyPath(failure.PropertyName);
                    if (!errors.TryGetValue(key, out var messages))
                    {
                        errors[key] = messages = [];
                    }
                    messages.Add(failure.ErrorMessage);
                }
            }

            return errors.Count == 0
                ? await next(invocation)
                : TypedResults.ValidationProblem(
                    errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray()),
                    title: "One or more fields are not valid.");
        };
    }

    private static IValidator? FindValidator(IServiceProvider services, ParameterInfo parameter) =>
        services.GetService(typeof(IValidator<>).MakeGenericType(parameter.ParameterType)) as IValidator;
}
